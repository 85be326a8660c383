using IngressSim.Model.Metrics;
using ScottPlot;

namespace IngressSim.Reporting.Plots;

/// <summary>
/// <c>latency-breakdown.png</c>: where the mean request's time goes, window by window, as stacked bands
/// (one per cause; together the mean latency), phases shaded. A reload storm shows as the handshake and
/// SYN-retransmit bands swelling; an overloaded Service as the pod queue band.
/// </summary>
public sealed class LatencyBreakdownPlot : IResultExporter
{
    // One fixed colour per cause, in LatencyCause order.
    private static readonly Color[] CauseColors =
    [
        Colors.LightSteelBlue, Colors.SteelBlue, Colors.Crimson, Colors.OrangeRed, Colors.MediumPurple, Colors.GoldenRod,
        Colors.DarkKhaki, Colors.Teal, Colors.SandyBrown, Colors.SeaGreen, Colors.Maroon, Colors.SlateGray,
    ];

    public string FileName => "latency-breakdown.png";

    public void Export(RunResult result, Stream output) => output.Write(Render(result));

    public static byte[] Render(RunResult result)
    {
        var plot = PlotStyle.NewPlot($"Where the time goes (mean per request) — {result.Run.Scenario} / {result.Run.Variant}");
        var time = TimeAxis.For(result.SimulatedSeconds);
        var windows = result.Windows.Where(w => w.Breakdown.Requests > 0).ToArray();
        var x = windows.Select(w => time.ToAxis((w.StartSeconds + w.EndSeconds) / 2)).ToArray();
        double top = windows.Length == 0 ? 1 : windows.Max(w => w.Breakdown.MeanMs.Sum()) * 1.15;
        LatencyOverTimePlot.ShadePhases(plot, result, time, top);

        var below = new double[windows.Length];
        // Legend top-down in stacking order: the last band added sits on top.
        foreach (var cause in LatencyCauses.All.Where(c => windows.Any(w => w.Breakdown[c] > 0)))
        {
            var above = below.Select((b, i) => b + windows[i].Breakdown[cause]).ToArray();
            var band = plot.Add.FillY(x, above, below);
            band.FillColor = CauseColors[(int)cause].WithAlpha(.85);
            band.LineWidth = 0;
            band.LegendText = LatencyCauses.Label(cause);
            below = above;
        }

        plot.XLabel(time.Label);
        plot.YLabel("Mean latency (ms)");
        PlotStyle.InvariantLinearTicks(plot.Axes.Bottom);
        PlotStyle.InvariantLinearTicks(plot.Axes.Left);
        plot.Axes.SetLimits(0, time.ToAxis(result.SimulatedSeconds), 0, top);
        plot.ShowLegend(Edge.Right);
        return PlotStyle.Png(plot);
    }
}

using IngressSim.Model.Metrics;
using ScottPlot;

namespace IngressSim.Reporting.Plots;

/// <summary>
/// <c>latency-cdf.png</c>: the fraction of requests at or below each latency, log x in ms — the whole
/// run and each phase, with every curve's p99 in its legend and the run's p99 drawn as a dashed line.
/// </summary>
public sealed class LatencyCdfPlot : IResultExporter
{
    private const double FloorMs = 0.001;

    public string FileName => "latency-cdf.png";

    public void Export(RunResult result, Stream output) => output.Write(Render(result));

    public static byte[] Render(RunResult result)
    {
        var plot = PlotStyle.NewPlot($"Latency distribution — {result.Run.Scenario} / {result.Run.Variant}");
        AddCurve(plot, result.LatencyCdf, result.Latency, "whole run", Colors.Black, 2.5f);
        for (int i = 0; i < result.Phases.Count; i++)
        {
            var phase = result.Phases[i];
            AddCurve(plot, phase.LatencyCdf, phase.Latency, phase.Name, PhaseColors[i % PhaseColors.Length], 1.5f);
        }

        var all = result.LatencyCdf;
        double lowMs = all.Count == 0 ? 0.1 : Math.Max(FloorMs, all[0].LatencyMs);
        double highMs = all.Count == 0 ? 1000 : Math.Max(FloorMs, all[^1].LatencyMs);
        if (result.Latency.Count > 0)
        {
            var p99 = plot.Add.VerticalLine(Math.Log10(Math.Max(FloorMs, result.Latency.P99Ms)), 1.5f, Colors.Crimson);
            p99.LinePattern = LinePattern.Dashed;
            p99.LabelText = $"p99 {PlotStyle.Number(result.Latency.P99Ms)} ms";
            p99.LabelOppositeAxis = true;
        }

        plot.XLabel("Latency (ms, log scale)");
        plot.YLabel("Fraction of requests ≤ latency");
        PlotStyle.LogTicks(plot.Axes.Bottom);
        PlotStyle.InvariantLinearTicks(plot.Axes.Left);
        plot.Axes.SetLimits(Math.Floor(Math.Log10(lowMs)), Math.Ceiling(Math.Log10(highMs)), 0, 1.02);
        plot.ShowLegend(Alignment.LowerRight);
        return PlotStyle.Png(plot);
    }

    private static readonly Color[] PhaseColors = [Colors.SteelBlue, Colors.OrangeRed, Colors.SeaGreen, Colors.Purple];

    private static void AddCurve(Plot plot, IReadOnlyList<CdfPoint> cdf, LatencySummary latency, string name, Color color, float width)
    {
        if (cdf.Count == 0) return;
        var x = cdf.Select(p => Math.Log10(Math.Max(FloorMs, p.LatencyMs))).ToArray();
        var y = cdf.Select(p => p.Fraction).ToArray();
        var line = plot.Add.ScatterLine(x, y, color);
        line.LineWidth = width;
        line.ConnectStyle = ConnectStyle.StepHorizontal;
        line.LegendText = $"{name} (p99 {PlotStyle.Number(latency.P99Ms)} ms)";
    }
}

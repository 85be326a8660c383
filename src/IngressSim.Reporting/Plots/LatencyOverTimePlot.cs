using IngressSim.Model.Metrics;
using ScottPlot;

namespace IngressSim.Reporting.Plots;

/// <summary>
/// <c>latency-over-time.png</c>: p50, p95 and p99 of all requests per window, phases shaded and named,
/// reload starts marked along the bottom. The y axis turns logarithmic when the percentiles span more
/// than a factor <see cref="LogScaleRatio"/> — a 2 s storm tail over a 50 ms baseline would otherwise
/// flatten the baseline into the axis. Each alert that fired gets a lane of bars above the lines, one bar
/// per firing (to the end of the run while still firing), so a reader sees what was on the pager when.
/// </summary>
public sealed class LatencyOverTimePlot : IResultExporter
{
    private const double LogScaleRatio = 30;
    private const double FloorMs = 0.001; // the histograms' 1 µs resolution: log10 needs a positive value

    public string FileName => "latency-over-time.png";

    public void Export(RunResult result, Stream output) => output.Write(Render(result));

    public static byte[] Render(RunResult result)
    {
        var plot = PlotStyle.NewPlot($"Latency over time — {result.Run.Scenario} / {result.Run.Variant}");
        var time = TimeAxis.For(result.SimulatedSeconds);
        var windows = result.Windows.Where(w => w.Requests > 0).ToArray();
        var x = windows.Select(w => time.ToAxis((w.StartSeconds + w.EndSeconds) / 2)).ToArray();

        double lowest = windows.Length == 0 ? 1 : Math.Max(FloorMs, windows.Min(w => w.Latency.P50Ms));
        double highest = windows.Length == 0 ? 1 : Math.Max(FloorMs, windows.Max(w => w.Latency.P99Ms));
        bool log = highest / lowest > LogScaleRatio;
        Func<double, double> y = log ? ms => Math.Log10(Math.Max(FloorMs, ms)) : ms => ms;
        double yMin = log ? Math.Floor(y(lowest)) : 0;
        double yMax = log ? Math.Ceiling(y(highest) + 0.15) : highest * 1.15;
        var fired = result.Alerts.Where(a => a.Firings.Count > 0).ToArray();
        double lane = (yMax - yMin) * AlertLaneShare;
        double linesTop = yMax;
        yMax += lane * (fired.Length + (fired.Length > 0 ? 1 : 0)); // headroom: one lane per alert, one for the phase names

        ShadePhases(plot, result, time, yMax);
        AddLine(plot, x, windows.Select(w => y(w.Latency.P50Ms)).ToArray(), PlotStyle.P50, "p50");
        AddLine(plot, x, windows.Select(w => y(w.Latency.P95Ms)).ToArray(), PlotStyle.P95, "p95");
        AddLine(plot, x, windows.Select(w => y(w.Latency.P99Ms)).ToArray(), PlotStyle.P99, "p99");
        MarkReloads(plot, result, time, yMin + (yMax - yMin) * 0.02);
        MarkAlerts(plot, fired, result.SimulatedSeconds, time, linesTop, lane);

        plot.XLabel(time.Label);
        plot.YLabel(log ? "Latency (ms, log scale)" : "Latency (ms)");
        PlotStyle.InvariantLinearTicks(plot.Axes.Bottom);
        if (log) PlotStyle.LogTicks(plot.Axes.Left);
        else PlotStyle.InvariantLinearTicks(plot.Axes.Left);
        plot.Axes.SetLimits(0, time.ToAxis(result.SimulatedSeconds), yMin, yMax);
        plot.ShowLegend(Edge.Right);
        return PlotStyle.Png(plot);
    }

    private static void AddLine(Plot plot, double[] x, double[] y, Color color, string label)
    {
        var line = plot.Add.ScatterLine(x, y, color);
        line.LineWidth = 2;
        line.LegendText = label;
    }

    internal static void ShadePhases(Plot plot, RunResult result, TimeAxis time, double top) =>
        ShadePhases(plot, result.Phases.Select(p => (p.Name, p.StartSeconds, p.EndSeconds)).ToArray(), time, top);

    /// <summary>Shaded band and a name at the top for each phase: where the story changes.</summary>
    internal static void ShadePhases(Plot plot, IReadOnlyList<(string Name, double StartSeconds, double EndSeconds)> phases, TimeAxis time, double top)
    {
        for (int i = 0; i < phases.Count; i++)
        {
            var phase = phases[i];
            var span = plot.Add.HorizontalSpan(time.ToAxis(phase.StartSeconds), time.ToAxis(phase.EndSeconds));
            span.FillStyle.Color = PlotStyle.PhaseFill(i);
            span.LineStyle.Width = 0;
            var label = plot.Add.Text(phase.Name, time.ToAxis(phase.StartSeconds), top);
            label.LabelAlignment = Alignment.UpperLeft;
            label.LabelFontSize = 14;
            label.LabelBold = true;
            label.LabelFontColor = Colors.DimGray;
            label.OffsetX = 4;
            label.OffsetY = 4;
        }
    }

    private const double AlertLaneShare = 0.06;

    private static void MarkAlerts(Plot plot, IReadOnlyList<Model.Alerts.AlertResult> alerts, double end, TimeAxis time, double bottom, double lane)
    {
        int warnings = 0, criticals = 0;
        for (int i = 0; i < alerts.Count; i++)
        {
            var alert = alerts[i];
            bool critical = alert.Severity == "critical";
            var color = PlotStyle.ForAlert(critical, critical ? criticals++ : warnings++);
            double y = bottom + lane * (alerts.Count - i - 0.5);
            for (int f = 0; f < alert.Firings.Count; f++)
            {
                var firing = alert.Firings[f];
                var bar = plot.Add.Line(time.ToAxis(firing.FiredAtSeconds), y, time.ToAxis(firing.ResolvedAtSeconds ?? end), y);
                bar.LineColor = color;
                bar.LineWidth = 9;
                bar.MarkerSize = 0;
                if (f == 0) bar.LegendText = $"alert {alert.Name} ({alert.Severity})";
            }
        }
    }

    private static void MarkReloads(Plot plot, RunResult result, TimeAxis time, double y)
    {
        if (result.ReloadLog.Count == 0) return;
        var xs = result.ReloadLog.Select(r => time.ToAxis(r.Start.TotalSeconds)).ToArray();
        var markers = plot.Add.ScatterPoints(xs, Enumerable.Repeat(y, xs.Length).ToArray(), PlotStyle.Reload);
        markers.MarkerShape = MarkerShape.FilledTriangleUp;
        markers.MarkerSize = 7;
        markers.LegendText = $"reload start ({result.Reloads.Count})";
    }
}

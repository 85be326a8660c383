using IngressSim.Experiments.Comparison;
using IngressSim.Reporting.Plots;

namespace IngressSim.Reporting.Comparison;

/// <summary>
/// <c>compare-p99-over-time.png</c>: each variant's p99 per window, averaged over its replications, one line
/// per variant over base's phases: where in the story a design helps, not just by how much.
/// </summary>
public sealed class ComparisonP99OverTimePlot : IComparisonExporter
{
    public string FileName => "compare-p99-over-time.png";

    public void Export(ComparisonResult result, Stream output) => output.Write(Render(result));

    public static byte[] Render(ComparisonResult result)
    {
        var plot = PlotStyle.NewPlot($"p99 over time, mean of {result.Base.Replications} replications — {result.Scenario}");
        double end = result.Variants.Max(v => v.WholeRun.EndSeconds);
        var time = TimeAxis.For(end);
        double highest = result.Variants.SelectMany(v => v.MeanP99OverTime).Select(w => w.P99Ms).Where(double.IsFinite).DefaultIfEmpty(1).Max();
        double top = highest * 1.15;

        LatencyOverTimePlot.ShadePhases(plot, result.Base.Phases.Select(p => (p.Name, p.StartSeconds, p.EndSeconds)).ToArray(), time, top);
        for (int v = 0; v < result.Variants.Count; v++)
        {
            var windows = result.Variants[v].MeanP99OverTime.Where(w => double.IsFinite(w.P99Ms)).ToArray();
            var line = plot.Add.ScatterLine(
                windows.Select(w => time.ToAxis((w.StartSeconds + w.EndSeconds) / 2)).ToArray(),
                windows.Select(w => w.P99Ms).ToArray(),
                VariantColors.Of(v));
            // Base wider and underneath: a variant that changes nothing traces over it instead of hiding it.
            line.LineWidth = v == 0 ? 5 : 2;
            line.LegendText = result.Variants[v].Name;
        }

        plot.XLabel(time.Label);
        plot.YLabel("p99 latency (ms)");
        PlotStyle.InvariantLinearTicks(plot.Axes.Bottom);
        PlotStyle.InvariantLinearTicks(plot.Axes.Left);
        plot.Axes.SetLimits(0, time.ToAxis(end), 0, top);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return PlotStyle.Png(plot);
    }
}

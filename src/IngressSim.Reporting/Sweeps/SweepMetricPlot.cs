using IngressSim.Experiments.Sweeps;
using IngressSim.Reporting.Plots;
using ScottPlot;
using PlotStyle = IngressSim.Reporting.Plots.PlotStyle;

namespace IngressSim.Reporting.Sweeps;

/// <summary>
/// <c>&lt;metric&gt;-&lt;phase&gt;.png</c>: a metric's mean over the first swept dimension, one line per value
/// of the others, with its 95 % interval as a shaded band. Values sit at evenly spaced positions labelled as
/// the sweep writes them (<c>500/day</c>): the grid's values need not be numbers, nor evenly spaced.
/// </summary>
public static class SweepMetricPlot
{
    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    public static string FileName(SweepResult result, int metric, int phase) =>
        $"{Slug(result, metric, phase)}.png";

    internal static string Slug(SweepResult result, int metric, int phase) =>
        $"{SweepMetricNames.FilePart(SweepMetricNames.Column(result.Manifest.Metrics[metric]))}-{SweepMetricNames.FilePart(result.Manifest.Phases[phase])}";

    public static byte[] Render(SweepResult result, int metric, int phase)
    {
        var manifest = result.Manifest;
        var axes = SweepGridAxes.Of(manifest);
        var x = axes.X(manifest);
        string label = SweepMetricNames.Label(manifest.Metrics[metric]);
        var plot = PlotStyle.NewPlot($"{label}, {manifest.Phases[phase]}: mean of {manifest.Replications} replications with 95 % CI — {manifest.Sweep}");
        var series = axes.Series(result);
        double top = 0, bottom = 0;
        for (int s = 0; s < series.Count; s++)
        {
            var color = Palette.GetColor(s);
            var points = series[s].Points
                .Select(p => (X: (double)p.Coordinates[axes.XDimension], Estimate: p.Phases[phase].Metrics[metric]))
                .Where(p => double.IsFinite(p.Estimate.Mean))
                .ToArray();
            if (points.Length == 0) continue;
            var xs = points.Select(p => p.X).ToArray();
            var lower = points.Select(p => double.IsFinite(p.Estimate.HalfWidth) ? p.Estimate.Lower : p.Estimate.Mean).ToArray();
            var upper = points.Select(p => double.IsFinite(p.Estimate.HalfWidth) ? p.Estimate.Upper : p.Estimate.Mean).ToArray();
            var band = plot.Add.FillY(xs, lower, upper);
            band.FillColor = color.WithAlpha(.2);
            band.LineWidth = 0;
            var line = plot.Add.ScatterLine(xs, points.Select(p => p.Estimate.Mean).ToArray(), color);
            line.LineWidth = 2;
            line.MarkerSize = 8;
            line.MarkerShape = MarkerShape.FilledCircle;
            line.LegendText = series[s].Label.Length == 0 ? manifest.Scenario : series[s].Label;
            top = Math.Max(top, upper.Max());
            bottom = Math.Min(bottom, lower.Min());
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, x.Values.Count).Select(i => (double)i).ToArray(), x.Values.ToArray());
        plot.XLabel(x.Name);
        plot.YLabel(label);
        PlotStyle.InvariantLinearTicks(plot.Axes.Left);
        double span = top - bottom;
        plot.Axes.SetLimits(-0.3, x.Values.Count - 0.7, bottom, top + (span > 0 ? span * 0.15 : 1));
        plot.ShowLegend(Edge.Right);
        return PlotStyle.Png(plot);
    }
}

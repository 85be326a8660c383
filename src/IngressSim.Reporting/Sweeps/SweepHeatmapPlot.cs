using IngressSim.Experiments.Sweeps;
using ScottPlot;
using PlotStyle = IngressSim.Reporting.Plots.PlotStyle;

namespace IngressSim.Reporting.Sweeps;

/// <summary>
/// <c>&lt;metric&gt;-&lt;phase&gt;-heatmap.png</c>, for a grid with exactly two varying dimensions: one cell per
/// point coloured by the metric's mean and labelled with it (the colour scale alone hides small differences).
/// </summary>
public static class SweepHeatmapPlot
{
    /// <summary>A heatmap needs exactly two dimensions with more than one value.</summary>
    public static bool Applies(SweepManifest manifest) => SweepGridAxes.Of(manifest).SeriesDimensions.Count == 1;

    public static string FileName(SweepResult result, int metric, int phase) => $"{SweepMetricPlot.Slug(result, metric, phase)}-heatmap.png";

    public static byte[] Render(SweepResult result, int metric, int phase)
    {
        var manifest = result.Manifest;
        var axes = SweepGridAxes.Of(manifest);
        var x = axes.X(manifest);
        var y = manifest.Dimensions[axes.SeriesDimensions[0]];
        string label = SweepMetricNames.Label(manifest.Metrics[metric]);
        var plot = PlotStyle.NewPlot($"{label}, {manifest.Phases[phase]}: mean of {manifest.Replications} replications — {manifest.Sweep}");

        var means = new double[y.Values.Count, x.Values.Count];
        foreach (var point in result.Points)
            means[point.Coordinates[axes.SeriesDimensions[0]], point.Coordinates[axes.XDimension]] = point.Phases[phase].Metrics[metric].Mean;
        var heatmap = plot.Add.Heatmap(means);
        heatmap.FlipVertically = true; // row 0 (the first value) at the bottom, as on the line plots' y axis
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.NaNCellColor = Colors.LightGray;
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = label;

        for (int row = 0; row < y.Values.Count; row++)
        for (int column = 0; column < x.Values.Count; column++)
        {
            var text = plot.Add.Text(double.IsFinite(means[row, column]) ? PlotStyle.Number(Math.Round(means[row, column], 3)) : "–", column, row);
            text.LabelAlignment = Alignment.MiddleCenter;
            text.LabelFontSize = 15;
            text.LabelBold = true;
            text.LabelFontColor = Colors.White;
            text.LabelBackgroundColor = Colors.Black.WithAlpha(.45);
        }
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, x.Values.Count).Select(i => (double)i).ToArray(), x.Values.ToArray());
        plot.Axes.Left.SetTicks(Enumerable.Range(0, y.Values.Count).Select(i => (double)i).ToArray(), y.Values.ToArray());
        plot.XLabel(x.Name);
        plot.YLabel(y.Name);
        plot.Axes.SetLimits(-0.5, x.Values.Count - 0.5, -0.5, y.Values.Count - 0.5);
        return PlotStyle.Png(plot);
    }
}

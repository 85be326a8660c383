using System.Globalization;
using IngressSim.Experiments.Comparison;
using IngressSim.Reporting.Plots;
using ScottPlot;
using PlotStyle = IngressSim.Reporting.Plots.PlotStyle;

namespace IngressSim.Reporting.Comparison;

/// <summary>
/// <c>compare-p99-bars.png</c>: for each phase (then the whole run) a group of bars, one per variant, at
/// its mean p99 with 95 % interval whiskers; a bar whose paired difference from base is significant is
/// labelled with an asterisk — the whiskers alone understate what common random numbers resolve.
/// </summary>
public sealed class ComparisonP99BarsPlot : IComparisonExporter
{
    private const double GroupWidth = 0.8;

    public string FileName => "compare-p99-bars.png";

    public void Export(ComparisonResult result, Stream output) => output.Write(Render(result));

    public static byte[] Render(ComparisonResult result)
    {
        var plot = PlotStyle.NewPlot($"p99 by phase, mean of {result.Base.Replications} replications with 95 % CI — {result.Scenario}");
        var groups = result.Base.Rows.Select(r => r.Name).ToArray();
        int variants = result.Variants.Count;
        double slot = GroupWidth / variants;
        var bars = new List<Bar>();
        for (int g = 0; g < groups.Length; g++)
        {
            for (int v = 0; v < variants; v++)
            {
                if (result.Variants[v].Rows.FirstOrDefault(r => r.Name == groups[g]) is not { } row || !double.IsFinite(row.P99Ms.Mean)) continue;
                bars.Add(new Bar
                {
                    Position = g - GroupWidth / 2 + (v + 0.5) * slot,
                    Value = row.P99Ms.Mean,
                    Error = double.IsFinite(row.P99Ms.HalfWidth) ? row.P99Ms.HalfWidth : 0,
                    Size = slot * 0.9,
                    ErrorSize = slot * 0.4, // whiskers within their own bar, not across the neighbours
                    FillColor = VariantColors.Of(v),
                    Label = row.P99Ms.Mean.ToString("0", CultureInfo.InvariantCulture) + (row.Significant ? "*" : ""),
                    // Inside the bar: above it, the label would collide with the whisker.
                    CenterLabel = true,
                });
            }
        }
        var plottable = plot.Add.Bars(bars);
        plottable.ValueLabelStyle.FontSize = 13;
        plottable.ValueLabelStyle.Bold = true;
        plottable.ValueLabelStyle.ForeColor = Colors.White;

        for (int v = 0; v < variants; v++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = result.Variants[v].Name, FillColor = VariantColors.Of(v) });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "* differs from base (paired, 95 %)" });

        double top = bars.Select(b => b.Value + b.Error).DefaultIfEmpty(1).Max() * 1.15;
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, groups.Length).Select(g => (double)g).ToArray(), groups);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Bottom.TickLabelStyle.FontSize = 15;
        plot.YLabel("p99 latency (ms)");
        PlotStyle.InvariantLinearTicks(plot.Axes.Left);
        plot.Axes.SetLimits(-0.5, groups.Length - 0.5, 0, top);
        plot.ShowLegend(Edge.Right);
        return PlotStyle.Png(plot);
    }
}

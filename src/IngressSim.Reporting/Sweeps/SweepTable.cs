using System.Globalization;
using IngressSim.Experiments.Statistics;
using IngressSim.Experiments.Sweeps;
using IngressSim.Scenarios.Sweeps;

namespace IngressSim.Reporting.Sweeps;

/// <summary>
/// The printed sweep as plain data: one <see cref="SummaryTable"/> per reported phase, a row per point with
/// its values and each metric's mean ± 95 % half-width. Larger grids are for sweep.csv, not a terminal.
/// </summary>
public static class SweepTable
{
    /// <summary>Most points printed; beyond, the CLI points at sweep.csv.</summary>
    public const int MaxPoints = 60;

    public static IReadOnlyList<SummaryTable> For(SweepResult result)
    {
        var manifest = result.Manifest;
        if (result.Points.Count > MaxPoints) return [];
        var columns = manifest.Dimensions.Select(d => new SummaryColumn(d.Name, false))
            .Concat(manifest.Metrics.Select(m => new SummaryColumn(SweepMetricNames.Column(m).Replace('_', ' '), true)))
            .ToArray();
        return manifest.Phases.Select((phase, i) => new SummaryTable(
            $"{manifest.Sweep} — {phase}: mean ± 95 % CI of {manifest.Replications} replications per point",
            columns,
            result.Points.Select(p => (IReadOnlyList<string>)
                [.. manifest.Dimensions.Select((d, k) => d.Values[p.Coordinates[k]]), .. p.Phases[i].Metrics.Select((e, m) => WithInterval(e, manifest.Metrics[m]))]).ToArray()))
            .ToArray();
    }

    private static string WithInterval(Estimate estimate, SweepMetric metric)
    {
        // A share reads best as a percentage, as compare's table shows error rates.
        Func<double, string> format = metric == SweepMetric.ErrorRate
            ? value => double.IsNaN(value) ? "–" : value.ToString("0.00%", CultureInfo.InvariantCulture)
            : SummaryTable.Format;
        return double.IsFinite(estimate.HalfWidth) ? $"{format(estimate.Mean)} ± {format(estimate.HalfWidth)}" : format(estimate.Mean);
    }
}

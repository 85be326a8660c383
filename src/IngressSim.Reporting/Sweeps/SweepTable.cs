using IngressSim.Experiments.Statistics;
using IngressSim.Experiments.Sweeps;

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
            .Concat(manifest.Metrics.Select(m => new SummaryColumn(SweepMetricNames.Label(m) + " (95 % CI)", true)))
            .ToArray();
        return manifest.Phases.Select((phase, i) => new SummaryTable(
            $"{manifest.Sweep} — {phase}, {manifest.Replications} replications per point",
            columns,
            result.Points.Select(p => (IReadOnlyList<string>)
                [.. manifest.Dimensions.Select((d, k) => d.Values[p.Coordinates[k]]), .. p.Phases[i].Metrics.Select(WithInterval)]).ToArray()))
            .ToArray();
    }

    private static string WithInterval(Estimate estimate) =>
        double.IsFinite(estimate.HalfWidth)
            ? $"{SummaryTable.Format(estimate.Mean)} ± {SummaryTable.Format(estimate.HalfWidth)}"
            : SummaryTable.Format(estimate.Mean);
}

using IngressSim.Experiments.Statistics;
using IngressSim.Scenarios.Sweeps;

namespace IngressSim.Experiments.Sweeps;

/// <summary>
/// Reduces unit results to a <see cref="SweepResult"/>, always in unit order — never in the order runs
/// finished — so the floating-point sums, and the bytes written from them, do not depend on parallelism.
/// </summary>
public static class SweepAnalysis
{
    /// <param name="units">Every unit of the sweep, in index order.</param>
    public static SweepResult Of(SweepManifest manifest, IReadOnlyList<UnitResult> units)
    {
        if (units.Count != manifest.Units) throw new ArgumentException($"expected {manifest.Units} units, got {units.Count}", nameof(units));
        int replications = manifest.Replications;
        var points = new PointResult[manifest.Points];
        for (int p = 0; p < points.Length; p++)
        {
            var runs = Enumerable.Range(p * replications, replications).Select(u => units[u]).ToArray();
            var coordinates = SweepDimension.CoordinatesOf(manifest.Dimensions, p);
            var parameters = manifest.Dimensions.SkipLast(1).Select((d, i) => (d.Name, Value: d.Values[coordinates[i]]))
                .ToDictionary(x => x.Name, x => x.Value, StringComparer.Ordinal);
            var phases = manifest.Phases.Select((name, i) => Phase(name, runs.Select(r => r.Phases[i]).ToArray(), manifest.Metrics.Count)).ToArray();
            points[p] = new PointResult(p, coordinates, parameters, manifest.Dimensions[^1].Values[coordinates[^1]], phases);
        }
        return new SweepResult(manifest, points);
    }

    private static PointPhase Phase(string name, UnitPhase[] replications, int metrics)
    {
        var first = replications.FirstOrDefault(r => r.Start is not null);
        return new PointPhase(name, first?.Start ?? double.NaN, first?.End ?? double.NaN,
            Enumerable.Range(0, metrics).Select(m => SampleStatistics.Mean(replications.Select(r => r.Values[m] ?? double.NaN))).ToArray());
    }
}

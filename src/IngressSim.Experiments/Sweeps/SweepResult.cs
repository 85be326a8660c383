using IngressSim.Experiments.Statistics;

namespace IngressSim.Experiments.Sweeps;

/// <summary>
/// The one immutable result of a sweep that every sweep exporter reads: per point (in grid order) and
/// reported phase, each metric's mean over the replications with its 95 % interval. Computed from the
/// unit files alone, so a local run and a merge of shards give the same result, to the bit.
/// </summary>
public sealed record SweepResult(SweepManifest Manifest, IReadOnlyList<PointResult> Points);

/// <summary>One point: its value index on each dimension, its swept values and variant, and a row per reported phase.</summary>
public sealed record PointResult(
    int Index, IReadOnlyList<int> Coordinates, IReadOnlyDictionary<string, string> Parameters, string Variant, IReadOnlyList<PointPhase> Phases);

/// <summary>A phase of one point; <see cref="Metrics"/> follows the manifest's metric order. Bounds are NaN when no run had the phase.</summary>
public sealed record PointPhase(string Name, double StartSeconds, double EndSeconds, IReadOnlyList<Estimate> Metrics);

using IngressSim.Experiments.Statistics;

namespace IngressSim.Experiments.Comparison;

/// <summary>
/// One phase (or the whole run) of one variant over its replications: means with 95 % intervals, and
/// the paired difference of p99 against <c>base</c> (null for base itself, or when base has no phase of
/// this name).
/// </summary>
public sealed record PhaseComparison(
    string Name, double StartSeconds, double EndSeconds,
    Estimate P50Ms, Estimate P95Ms, Estimate P99Ms, Estimate ErrorRate, Estimate Reloads,
    Estimate? P99VsBaseMs)
{
    /// <summary>The p99 differs from base at 95 % confidence: the interval of the paired difference excludes zero.</summary>
    public bool Significant => P99VsBaseMs is { } difference && difference.ExcludesZero;
}

/// <summary>A variant over its replications; <see cref="Seeds"/> lists replication i's seed at index i.</summary>
public sealed record VariantComparison(
    string Name, string? Description, IReadOnlyList<ulong> Seeds,
    IReadOnlyList<PhaseComparison> Phases, PhaseComparison WholeRun,
    IReadOnlyList<WindowP99> MeanP99OverTime)
{
    public int Replications => Seeds.Count;

    /// <summary>The declared phases, then the whole run: the rows of every table.</summary>
    public IEnumerable<PhaseComparison> Rows => Phases.Append(WholeRun);
}

/// <summary>
/// The one immutable result of <c>compare</c> that every comparison exporter reads. Variants are in plan
/// order, <c>base</c> first; nothing in it depends on wall time or on how many workers ran it.
/// </summary>
public sealed record ComparisonResult(string Scenario, ulong ScenarioSeed, double? TargetPrecision, IReadOnlyList<VariantComparison> Variants)
{
    public VariantComparison Base => Variants[0];

    /// <summary>
    /// The widest p99 interval relative to its mean over every variant and row (what <c>--precision</c>
    /// bounds): +∞ while a defined p99 has fewer than two observations; rows without requests do not count.
    /// </summary>
    public double WorstP99RelativeHalfWidth =>
        Variants.SelectMany(v => v.Rows).Select(r => r.P99Ms)
            .Where(p99 => p99.Count > 0)
            .Select(p99 => p99.Count < 2 ? double.PositiveInfinity : p99.RelativeHalfWidth)
            .DefaultIfEmpty(0)
            .Max();

    public bool PrecisionReached => TargetPrecision is not { } target || WorstP99RelativeHalfWidth <= target;
}

using IngressSim.Experiments.Comparison;
using IngressSim.Experiments.Statistics;

namespace IngressSim.Reporting.Html.Contracts;

/// <summary>
/// A comparison's <c>comparison.json</c> (written by <see cref="Comparison.ComparisonJsonExporter"/>), read
/// back into the <see cref="ComparisonResult"/> it was written from, so the report shows the same
/// <see cref="Comparison.ComparisonTable"/> the terminal printed. The p99 over time is not in the file (the plot is).
/// </summary>
internal sealed record ComparisonDocument
{
    public required string Scenario { get; init; }
    public required ulong Seed { get; init; }
    public PrecisionJson? Precision { get; init; }
    public required IReadOnlyList<VariantJson> Variants { get; init; }

    public ComparisonResult ToResult() =>
        new(Scenario, Seed, Precision?.Target, Variants.Select(v => v.ToComparison()).ToArray());
}

internal sealed record PrecisionJson
{
    public double? Target { get; init; }
}

internal sealed record VariantJson
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required IReadOnlyList<ulong> Seeds { get; init; }
    public required IReadOnlyList<PhaseComparisonJson> Phases { get; init; }
    public required PhaseComparisonJson WholeRun { get; init; }

    public VariantComparison ToComparison() =>
        new(Name, Description, Seeds, Phases.Select(p => p.ToComparison()).ToArray(), WholeRun.ToComparison(), []);
}

internal sealed record PhaseComparisonJson
{
    public required string Name { get; init; }
    public required double Start { get; init; }
    public required double End { get; init; }
    public required EstimateJson P50Ms { get; init; }
    public required EstimateJson P95Ms { get; init; }
    public required EstimateJson P99Ms { get; init; }
    public required EstimateJson ErrorRate { get; init; }
    public required EstimateJson Reloads { get; init; }
    public EstimateJson? P99VsBaseMs { get; init; }

    public PhaseComparison ToComparison() =>
        new(Name, Start, End, P50Ms.ToEstimate(), P95Ms.ToEstimate(), P99Ms.ToEstimate(), ErrorRate.ToEstimate(), Reloads.ToEstimate(),
            P99VsBaseMs?.ToEstimate());
}

/// <summary>Null where undefined (no requests, one observation), as the exporter writes non-finite values.</summary>
internal sealed record EstimateJson
{
    public double? Mean { get; init; }
    public double? HalfWidth { get; init; }
    public required int N { get; init; }

    public Estimate ToEstimate() => new(Mean ?? double.NaN, HalfWidth ?? double.NaN, N);
}

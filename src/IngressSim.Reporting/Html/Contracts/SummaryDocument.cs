using IngressSim.Model.Metrics;

namespace IngressSim.Reporting.Html.Contracts;

/// <summary>
/// What the report reads of a run's <c>summary.json</c> (written by <see cref="SummaryJsonExporter"/>),
/// plus the optional <c>alerts</c> and <c>cost</c> that issue 6 adds.
/// </summary>
internal sealed record SummaryDocument
{
    public required string Scenario { get; init; }
    public required string Variant { get; init; }
    public required ulong Seed { get; init; }
    public required double SimulatedSeconds { get; init; }
    public required RequestsJson Requests { get; init; }
    public long Retries { get; init; }
    public required LatencyJson LatencyMs { get; init; }
    public required ReloadsJson Reloads { get; init; }
    public required IReadOnlyList<PhaseJson> Phases { get; init; }
    public IReadOnlyList<AlertJson>? Alerts { get; init; }
    public CostJson? Cost { get; init; }
}

internal sealed record RequestsJson
{
    public required long Total { get; init; }
    public required IReadOnlyDictionary<string, long> ByStatus { get; init; }

    public long Errors => Total - ByStatus.GetValueOrDefault(ResponseStatus.Ok2xx.Label());
}

/// <summary>Milliseconds; null where there were no requests.</summary>
internal sealed record LatencyJson
{
    public double? Mean { get; init; }
    public double? P50 { get; init; }
    public double? P95 { get; init; }
    public double? P99 { get; init; }
    public double? P999 { get; init; }
    public double? Max { get; init; }

    public LatencySummary ToSummary(long count) =>
        new(count, Mean ?? double.NaN, P50 ?? double.NaN, P95 ?? double.NaN, P99 ?? double.NaN, P999 ?? double.NaN, Max ?? double.NaN);
}

internal sealed record ReloadsJson
{
    public required long Count { get; init; }
    public double? MeanIntervalSeconds { get; init; }
    public ReloadDurationJson? DurationMs { get; init; }
    public double? AffectedConnectionFraction { get; init; }
}

internal sealed record ReloadDurationJson
{
    public double? P50 { get; init; }
    public double? Max { get; init; }
}

internal sealed record PhaseJson
{
    public required string Name { get; init; }
    public required double Start { get; init; }
    public required double End { get; init; }
    public required RequestsJson Requests { get; init; }
    public required LatencyJson LatencyMs { get; init; }
    public required ReloadsJson Reloads { get; init; }
}

/// <summary>An alert rule of the scenario and when it would have fired (issue 6's agreed contract).</summary>
internal sealed record AlertJson
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string Severity { get; init; }
    public string? Expression { get; init; }
    public IReadOnlyList<FiringJson> Firings { get; init; } = [];
}

/// <summary>Resolved null: still firing when the run ended.</summary>
internal sealed record FiringJson
{
    public required double FiredAtSeconds { get; init; }
    public double? ResolvedAtSeconds { get; init; }
    public double? PeakValue { get; init; }
}

/// <summary>The design's monthly cost (issue 6's agreed contract).</summary>
internal sealed record CostJson
{
    public required string Currency { get; init; }
    public required double MonthlyTotal { get; init; }
    public IReadOnlyList<CostItemJson> Items { get; init; } = [];
}

internal sealed record CostItemJson
{
    public required string Name { get; init; }
    public double Quantity { get; init; }
    public double? UnitMonthly { get; init; }
    public required double Monthly { get; init; }
    public string? Note { get; init; }
}

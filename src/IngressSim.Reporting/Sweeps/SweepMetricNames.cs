using System.Text.Json;
using IngressSim.Scenarios.Sweeps;

namespace IngressSim.Reporting.Sweeps;

/// <summary>How a metric is named in each output: CSV column (<c>p99_ms</c>), JSON key and file name part, axis label.</summary>
internal static class SweepMetricNames
{
    public static string Column(SweepMetric metric) => JsonNamingPolicy.SnakeCaseLower.ConvertName(metric.ToString());

    public static string Key(SweepMetric metric) => JsonNamingPolicy.CamelCase.ConvertName(metric.ToString());

    public static string Label(SweepMetric metric) => metric switch
    {
        SweepMetric.Requests => "requests",
        SweepMetric.ErrorRate => "error rate (share of requests)",
        SweepMetric.ClientTimeouts => "client timeouts",
        SweepMetric.MeanMs => "mean latency (ms)",
        SweepMetric.P50Ms => "p50 latency (ms)",
        SweepMetric.P95Ms => "p95 latency (ms)",
        SweepMetric.P99Ms => "p99 latency (ms)",
        SweepMetric.P999Ms => "p99.9 latency (ms)",
        SweepMetric.Reloads => "reloads",
        _ => metric.ToString(),
    };

    /// <summary>A phase name as part of a file name: <c>whole run</c> → <c>whole-run</c>.</summary>
    public static string FilePart(string phase) =>
        string.Concat(phase.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? char.ToLowerInvariant(c) : '-'));
}

using System.Globalization;
using IngressSim.Model.Metrics;

namespace IngressSim.Reporting;

/// <summary>A column of <see cref="SummaryTable"/>; numbers are right-aligned.</summary>
public sealed record SummaryColumn(string Header, bool RightAligned);

/// <summary>
/// The end-of-run table as plain data (one row per phase, then the whole run): the CLI renders it with
/// Spectre.Console, which this assembly does not depend on. Cells are formatted in invariant culture.
/// </summary>
public sealed record SummaryTable(string Title, IReadOnlyList<SummaryColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    public static SummaryTable For(RunResult result)
    {
        SummaryColumn[] columns =
        [
            new("Phase", false), new("Requests", true), new("Errors", true), new("p50 ms", true), new("p95 ms", true),
            new("p99 ms", true), new("p99.9 ms", true), new("max ms", true), new("Reloads", true),
        ];
        var rows = result.Phases
            .Select(p => Row(p.Name, p.Statuses, p.Latency, p.Reloads))
            .Append(Row("whole run", result.Statuses, result.Latency, result.Reloads))
            .ToArray();
        return new SummaryTable(
            $"{result.Run.Scenario} / {result.Run.Variant} (seed {result.Run.Seed}): {Format(result.SimulatedSeconds)} s simulated in {Format(result.WallSeconds)} s",
            columns, rows);
    }

    private static IReadOnlyList<string> Row(string name, StatusCounts statuses, LatencySummary latency, ReloadSummary reloads) =>
    [
        name,
        statuses.Total.ToString("N0", CultureInfo.InvariantCulture),
        statuses.Total == 0 ? "–" : (statuses.Errors / (double)statuses.Total).ToString("0.00%", CultureInfo.InvariantCulture),
        Format(latency.P50Ms), Format(latency.P95Ms), Format(latency.P99Ms), Format(latency.P999Ms), Format(latency.MaxMs),
        reloads.Count.ToString(CultureInfo.InvariantCulture),
    ];

    // Three significant digits are what a reader compares; NaN (no requests) shows as a dash.
    internal static string Format(double value) =>
        double.IsNaN(value) ? "–" : value.ToString(value >= 100 ? "0" : value >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);
}

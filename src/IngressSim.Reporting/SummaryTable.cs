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
    /// <summary>The columns of <see cref="Row"/>.</summary>
    public static IReadOnlyList<SummaryColumn> PhaseColumns { get; } =
    [
        new("Phase", false), new("Requests", true), new("Errors", true), new("p50 ms", true), new("p95 ms", true),
        new("p99 ms", true), new("p99.9 ms", true), new("max ms", true), new("Reloads", true),
    ];

    public static SummaryTable For(RunResult result)
    {
        var rows = result.Phases
            .Select(p => Row(p.Name, p.Statuses.Total, p.Statuses.Errors, p.Latency, p.Reloads.Count))
            .Append(Row("whole run", result.Statuses.Total, result.Statuses.Errors, result.Latency, result.Reloads.Count))
            .ToArray();
        return new SummaryTable(
            $"{result.Run.Scenario} / {result.Run.Variant} (seed {result.Run.Seed}): {Format(result.SimulatedSeconds)} s simulated in {Format(result.WallSeconds)} s",
            PhaseColumns, rows);
    }

    /// <summary>One row of <see cref="PhaseColumns"/>: the terminal's table and the HTML report's (read back from summary.json) are the same cells.</summary>
    public static IReadOnlyList<string> Row(string name, long requests, long errors, LatencySummary latency, long reloads) =>
    [
        name,
        requests.ToString("N0", CultureInfo.InvariantCulture),
        requests == 0 ? "–" : (errors / (double)requests).ToString("0.00%", CultureInfo.InvariantCulture),
        Format(latency.P50Ms), Format(latency.P95Ms), Format(latency.P99Ms), Format(latency.P999Ms), Format(latency.MaxMs),
        reloads.ToString(CultureInfo.InvariantCulture),
    ];

    // Three significant digits are what a reader compares; NaN (no requests) shows as a dash.
    internal static string Format(double value) =>
        double.IsNaN(value) ? "–" : value.ToString(value >= 100 ? "0" : value >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture);
}

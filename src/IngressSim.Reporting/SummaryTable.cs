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

    /// <summary>Each alert's firings (simulated time, m:ss), or one row saying it never fired; null without rules.</summary>
    public static SummaryTable? Alerts(RunResult result)
    {
        if (result.Alerts.Count == 0) return null;
        SummaryColumn[] columns = [new("Alert", false), new("Severity", false), new("Fired at", true), new("Resolved at", true), new("Peak", true)];
        var rows = new List<IReadOnlyList<string>>();
        foreach (var alert in result.Alerts)
        {
            if (alert.Firings.Count == 0) rows.Add([alert.Name, alert.Severity, "never fired", "", ""]);
            foreach (var f in alert.Firings)
                rows.Add([alert.Name, alert.Severity, Clock(f.FiredAtSeconds), f.ResolvedAtSeconds is { } r ? Clock(r) : "still firing", Peak(f.PeakValue)]);
        }
        int fired = result.Alerts.Count(a => a.Firings.Count > 0);
        return new SummaryTable($"Alerts: {fired} of {result.Alerts.Count} fired", columns, rows);
    }

    /// <summary>The monthly cost lines and total; null when the result has no estimate.</summary>
    public static SummaryTable? Cost(RunResult result)
    {
        if (result.Cost is not { } cost) return null;
        SummaryColumn[] columns = [new("Item", false), new("Quantity", true), new("Per month", true), new("Monthly", true)];
        var rows = cost.Items
            .Select(i => (IReadOnlyList<string>)[i.Name, i.Quantity.ToString("0.###", CultureInfo.InvariantCulture), Money(i.UnitMonthly, unit: true), Money(i.Monthly)])
            .Append(["total", "", "", Money(cost.MonthlyTotal)])
            .ToArray();
        return new SummaryTable($"Monthly cost ({cost.Currency}): {Money(cost.MonthlyTotal)}", columns, rows);
    }

    // Rules compare rates and ratios as small as 0.005: three significant digits, not two decimals.
    private static string Peak(double value) =>
        Math.Abs(value) >= 100 || double.IsNaN(value) ? Format(value) : value.ToString("G3", CultureInfo.InvariantCulture);

    private static string Money(double value, bool unit = false) => value.ToString(unit ? "#,##0.00##" : "#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>Simulated time as m:ss (h:mm:ss from an hour), how a reader finds it on the plots' minute axis.</summary>
    internal static string Clock(double seconds)
    {
        var t = TimeSpan.FromSeconds(Math.Round(seconds));
        return t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}:{t.Seconds:00}");
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

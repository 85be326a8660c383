using System.Globalization;
using IngressSim.Engine.Time;
using IngressSim.Experiments.Comparison;
using IngressSim.Experiments.Statistics;

namespace IngressSim.Reporting.Comparison;

/// <summary>
/// The printed comparison as plain data: one <see cref="SummaryTable"/> per phase (then the whole run),
/// a row per variant with its p99 and its paired difference from base, each ± its 95 % half-width, and a
/// marker where the difference is significant. The CLI renders them; cells are invariant culture.
/// </summary>
public static class ComparisonTable
{
    public const string SignificantMarker = "✓ significant";
    public const string NotSignificantMarker = "—";

    private static readonly SummaryColumn[] Columns =
        [new("Variant", false), new("p99 ms (95 % CI)", true), new("Δ p99 vs base ms (95 % CI)", true), new("", false), new("Errors", true), new("Reloads", true)];

    public static IReadOnlyList<SummaryTable> For(ComparisonResult result) =>
        result.Base.Rows.Select(phase => new SummaryTable(Title(result, phase), Columns, Rows(result, phase.Name))).ToArray();

    private static string Title(ComparisonResult result, PhaseComparison phase) =>
        $"{result.Scenario} — {phase.Name} ({Time(phase.StartSeconds)}–{Time(phase.EndSeconds)}), {result.Base.Replications} replications";

    /// <summary>As the scenario writes phase bounds: 15m, 90s.</summary>
    private static string Time(double seconds) => Duration.FromSecondsRounded(seconds).ToString();

    private static IReadOnlyList<IReadOnlyList<string>> Rows(ComparisonResult result, string phaseName) =>
        result.Variants
            .Select(variant => (variant.Name, Row: variant.Rows.FirstOrDefault(r => r.Name == phaseName)))
            .Where(v => v.Row is not null)
            .Select(v => (IReadOnlyList<string>)
            [
                v.Name,
                WithInterval(v.Row!.P99Ms),
                v.Row.P99VsBaseMs is { } difference ? WithInterval(difference, signed: true) : "reference",
                v.Row.P99VsBaseMs is null ? "" : v.Row.Significant ? SignificantMarker : NotSignificantMarker,
                double.IsNaN(v.Row.ErrorRate.Mean) ? "–" : v.Row.ErrorRate.Mean.ToString("0.00%", CultureInfo.InvariantCulture),
                SummaryTable.Format(v.Row.Reloads.Mean),
            ])
            .ToArray();

    private static string WithInterval(Estimate estimate, bool signed = false)
    {
        string mean = SummaryTable.Format(Math.Abs(estimate.Mean));
        if (signed && estimate.Mean != 0 && !double.IsNaN(estimate.Mean)) mean = (estimate.Mean < 0 ? "−" : "+") + mean;
        return double.IsFinite(estimate.HalfWidth) ? $"{mean} ± {SummaryTable.Format(estimate.HalfWidth)}" : mean;
    }
}

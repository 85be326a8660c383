using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using IngressSim.Experiments.Comparison;
using IngressSim.Experiments.Statistics;

namespace IngressSim.Reporting.Comparison;

/// <summary>
/// <c>comparison.csv</c>: one row per variant and phase (the whole run last), each statistic as its mean
/// and the half-width of its 95 % interval (what a spreadsheet's error bars take). Invariant culture and
/// '\n' line ends; an undefined value is an empty cell.
/// </summary>
public sealed class ComparisonCsvExporter : IComparisonExporter
{
    internal static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    public static IReadOnlyList<string> Headers { get; } =
    [
        "variant", "phase", "replications",
        "p50_ms", "p50_ms_ci95_halfwidth", "p95_ms", "p95_ms_ci95_halfwidth", "p99_ms", "p99_ms_ci95_halfwidth",
        "error_rate", "error_rate_ci95_halfwidth", "reloads", "reloads_ci95_halfwidth",
        "p99_vs_base_ms", "p99_vs_base_ms_ci95_halfwidth", "p99_vs_base_significant",
    ];

    public string FileName => "comparison.csv";

    public void Export(ComparisonResult result, Stream output)
    {
        using var csv = new CsvWriter(new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)), Configuration);
        foreach (var header in Headers) csv.WriteField(header);
        csv.NextRecord();
        foreach (var variant in result.Variants)
        {
            foreach (var phase in variant.Rows)
            {
                csv.WriteField(variant.Name);
                csv.WriteField(phase.Name);
                csv.WriteField(variant.Replications.ToString(CultureInfo.InvariantCulture));
                WriteEstimate(csv, phase.P50Ms);
                WriteEstimate(csv, phase.P95Ms);
                WriteEstimate(csv, phase.P99Ms);
                WriteEstimate(csv, phase.ErrorRate);
                WriteEstimate(csv, phase.Reloads);
                WriteEstimate(csv, phase.P99VsBaseMs ?? Estimate.Undefined);
                csv.WriteField(phase.P99VsBaseMs is null ? "" : phase.Significant ? "true" : "false");
                csv.NextRecord();
            }
        }
    }

    internal static void WriteEstimate(CsvWriter csv, Estimate estimate)
    {
        Number(csv, estimate.Mean);
        Number(csv, estimate.HalfWidth);
    }

    internal static void Number(CsvWriter csv, double value) =>
        csv.WriteField(double.IsFinite(value) ? value.ToString(CultureInfo.InvariantCulture) : "");
}

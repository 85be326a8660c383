using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using IngressSim.Model.Metrics;

namespace IngressSim.Reporting;

/// <summary>
/// <c>breakdown.csv</c>: per window, where the requests' time went (mean milliseconds per cause, adding
/// up to the window's mean latency) and the window's slowest request with its own causes — the answer to
/// "why was this window slow?". Invariant culture, '\n' line ends; empty cells for a window without requests.
/// </summary>
public sealed class LatencyBreakdownCsvExporter : IResultExporter
{
    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    public string FileName => "breakdown.csv";

    public static IReadOnlyList<string> Headers { get; } =
    [
        "window_start_s", "window_end_s", "requests", "mean_ms",
        .. LatencyCauses.All.Select(c => $"mean_{LatencyCauses.Key(c)}_ms"),
        "slowest_ms", "slowest_series", "slowest_status", "slowest_attempts",
        .. LatencyCauses.All.Select(c => $"slowest_{LatencyCauses.Key(c)}_ms"),
    ];

    public void Export(RunResult result, Stream output)
    {
        using var csv = new CsvWriter(new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true), Configuration);
        foreach (var header in Headers) csv.WriteField(header);
        csv.NextRecord();
        foreach (var w in result.Windows)
        {
            Field(csv, w.StartSeconds);
            Field(csv, w.EndSeconds);
            csv.WriteField(w.Requests.ToString(CultureInfo.InvariantCulture));
            Field(csv, w.Latency.MeanMs);
            foreach (var cause in LatencyCauses.All) Field(csv, w.Breakdown.Requests == 0 ? double.NaN : w.Breakdown[cause]);
            if (w.Slowest is { } slow)
            {
                Field(csv, slow.LatencyMs);
                csv.WriteField(result.Series[slow.Series].Name);
                csv.WriteField(slow.Status.Label());
                csv.WriteField(slow.Attempts.ToString(CultureInfo.InvariantCulture));
                foreach (var cause in LatencyCauses.All) Field(csv, slow[cause]);
            }
            else
                for (int i = 0; i < 4 + LatencyCauses.Count; i++) csv.WriteField("");
            csv.NextRecord();
        }
    }

    private static void Field(CsvWriter csv, double value) =>
        csv.WriteField(double.IsNaN(value) ? "" : value.ToString(CultureInfo.InvariantCulture));
}

using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using IngressSim.Model.Metrics;

namespace IngressSim.Reporting;

/// <summary>
/// <c>timeseries.csv</c>, written row by row as the recorder closes windows (issue 4): one row per window
/// and series plus the "all" row. Invariant culture and '\n' line ends, so the bytes do not depend on the
/// machine; an unset gauge or a latency of a window without requests is an empty cell.
/// </summary>
public sealed class TimeseriesCsvWriter : IWindowSink, IDisposable
{
    public const string FileName = "timeseries.csv";

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture) { NewLine = "\n" };

    private readonly CsvWriter _csv;

    public TimeseriesCsvWriter(Stream output)
    {
        _csv = new CsvWriter(new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)), Configuration);
        foreach (var header in Headers) _csv.WriteField(header);
        _csv.NextRecord();
    }

    public static IReadOnlyList<string> Headers { get; } =
    [
        "window_start_s", "window_end_s", "series", "requests",
        "mean_ms", "p50_ms", "p95_ms", "p99_ms", "p999_ms", "max_ms",
        .. ResponseStatuses.All.Select(s => "status_" + s.Label()),
        "retries", "new_connections", "tls_full_handshakes", "tls_resumed_handshakes",
        .. Gauges.All.Select(g => g.Label()),
    ];

    public void Write(in SeriesWindow row)
    {
        Field(row.Start.TotalSeconds);
        Field(row.End.TotalSeconds);
        _csv.WriteField(row.Series);
        Field(row.Statuses.Total);
        var latency = row.Latency;
        Field(latency.MeanMs);
        Field(latency.P50Ms);
        Field(latency.P95Ms);
        Field(latency.P99Ms);
        Field(latency.P999Ms);
        Field(latency.MaxMs);
        foreach (var status in ResponseStatuses.All) Field(row.Statuses[status]);
        Field(row.Retries);
        Field(row.NewConnections);
        Field(row.TlsFullHandshakes);
        Field(row.TlsResumedHandshakes);
        foreach (var gauge in Gauges.All) Field(row.Gauges[gauge]);
        _csv.NextRecord();
    }

    public void Dispose() => _csv.Dispose();

    private void Field(long value) => _csv.WriteField(value.ToString(CultureInfo.InvariantCulture));

    private void Field(double value) =>
        _csv.WriteField(double.IsNaN(value) ? "" : value.ToString(CultureInfo.InvariantCulture));
}

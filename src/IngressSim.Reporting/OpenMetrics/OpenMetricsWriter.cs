using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using IngressSim.Model.Metrics;
using Microsoft.Win32.SafeHandles;

namespace IngressSim.Reporting.OpenMetrics;

/// <summary>
/// <c>metrics.om</c>: the run's per-window metrics in the OpenMetrics 1.0 text format
/// (prometheus/OpenMetrics specification/OpenMetrics.md), with ingress-nginx's metric names
/// (MODEL_FACTS §1), one sample per window end, for <c>promtool tsdb create-blocks-from openmetrics</c>.
/// <para>
/// OpenMetrics forbids interleaving metric families and metrics, while the run produces one window at a
/// time across all of them. So each window's numbers go, as the window closes, into a fixed-size block of
/// a scratch file next to the output (one block per window: memory stays one block); at the end each
/// family is written metric by metric, reading its slice of every block back. The scratch file is deleted.
/// </para>
/// </summary>
public sealed class OpenMetricsWriter : IWindowSink, IDisposable
{
    public const string FileName = "metrics.om";

    // Per Service and window: the window's count of each status, its request count, latency sum and four quantiles.
    private static readonly int StatusSlots = ResponseStatuses.Count;
    private static readonly int CountSlot = StatusSlots, SumSlot = StatusSlots + 1, QuantileSlot = StatusSlots + 2;
    private static readonly double[] Quantiles = [0.5, 0.95, 0.99, 0.999];
    private static readonly int SeriesSlots = QuantileSlot + Quantiles.Length;

    // Levels of the "all" row, after the Services' slots of each block.
    private static readonly (Gauge Gauge, string Family, string? Unit, string Labels, string Help)[] Levels =
    [
        (Gauge.ActiveConnections, "nginx_ingress_controller_nginx_process_connections", null, "{state=\"active\"}", "Open client connections at the window's end"),
        (Gauge.NginxResidentMemory, "nginx_ingress_controller_nginx_process_resident_memory_bytes", "bytes", "",
            "nginx resident memory of the replica holding the most at the window's end (every live worker generation)"),
        (Gauge.NginxProcesses, "nginx_ingress_controller_nginx_process_num_procs", null, "",
            "nginx processes of the replica running the most at the window's end (master + every live generation's workers)"),
    ];

    // Reload duration buckets (s): around the article's 50–200 ms and the 6–12 s of MODEL_FACTS §1.
    private static readonly double[] ReloadBuckets = [0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];

    private readonly Stream _output;
    private readonly IReadOnlyList<string> _series;
    private readonly Dictionary<string, int> _seriesIndex;
    private readonly double _startUnixSeconds;
    private readonly string _scratchPath;
    private readonly SafeFileHandle _scratch;
    private readonly double[] _block;
    private readonly List<double> _windowEnds = [];
    private bool _disposed;

    /// <param name="output">Where the text goes (at <see cref="Complete"/>).</param>
    /// <param name="series">The recorder's series names (Services as <c>namespace/name</c>), in its order.</param>
    /// <param name="scratchDirectory">Where the scratch file may live (the results' staging folder).</param>
    /// <param name="startUnixSeconds">The Unix time simulated time 0 maps to.</param>
    public OpenMetricsWriter(Stream output, IReadOnlyList<string> series, string scratchDirectory, double startUnixSeconds = 0)
    {
        _output = output;
        _series = series;
        _seriesIndex = series.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        _startUnixSeconds = startUnixSeconds;
        _block = new double[series.Count * SeriesSlots + Levels.Length]; // + the levels of "all"
        _scratchPath = Path.Combine(scratchDirectory, $".{FileName}.windows");
        _scratch = File.OpenHandle(_scratchPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None, FileOptions.DeleteOnClose);
        ClearBlock();
    }

    private int BlockBytes => _block.Length * sizeof(double);

    public void Write(in SeriesWindow row)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (row.Series == MetricsRecorder.AllSeriesName)
        {
            for (int i = 0; i < Levels.Length; i++) _block[LevelSlot(i)] = row.Gauges[Levels[i].Gauge];
            RandomAccess.Write(_scratch, MemoryMarshal.AsBytes(_block.AsSpan()), (long)_windowEnds.Count * BlockBytes);
            _windowEnds.Add(row.End.TotalSeconds);
            ClearBlock();
            return;
        }
        if (!_seriesIndex.TryGetValue(row.Series, out int s)) return;
        var slots = _block.AsSpan(s * SeriesSlots, SeriesSlots);
        for (int i = 0; i < StatusSlots; i++) slots[i] = row.Statuses[ResponseStatuses.All[i]];
        var latency = row.Latency;
        slots[CountSlot] = latency.Count;
        slots[SumSlot] = latency.Count == 0 ? 0 : latency.MeanMs * latency.Count / 1000;
        slots[QuantileSlot] = latency.P50Ms / 1000;
        slots[QuantileSlot + 1] = latency.P95Ms / 1000;
        slots[QuantileSlot + 2] = latency.P99Ms / 1000;
        slots[QuantileSlot + 3] = latency.P999Ms / 1000;
    }

    private void ClearBlock()
    {
        _block.AsSpan().Clear();
        for (int s = 0; s < _series.Count; s++) _block.AsSpan(s * SeriesSlots + QuantileSlot, Quantiles.Length).Fill(double.NaN);
        _block.AsSpan(LevelSlot(0)).Fill(double.NaN);
    }

    private int LevelSlot(int level) => _series.Count * SeriesSlots + level;

    /// <summary>Writes every family from the scratch blocks and the result's reload log, then <c># EOF</c>.</summary>
    public void Complete(RunResult result)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var text = new StreamWriter(_output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        WriteRequests(text);
        WriteRequestDurations(text);
        for (int i = 0; i < Levels.Length; i++) WriteLevel(text, i);
        WriteReloads(text, result);
        text.Write("# EOF\n");
    }

    private void WriteRequests(StreamWriter text)
    {
        Metadata(text, "nginx_ingress_controller_requests", "counter", null, "The total number of client requests (client-side failures as status client_timeout, reset, refused)");
        var slots = new double[SeriesSlots];
        var totals = new double[StatusSlots];
        for (int s = 0; s < _series.Count; s++)
        {
            Array.Clear(totals);
            for (int w = 0; w < _windowEnds.Count; w++)
            {
                ReadSlots(w, s, slots);
                for (int i = 0; i < StatusSlots; i++) totals[i] += slots[i];
            }
            for (int i = 0; i < StatusSlots; i++)
            {
                if (totals[i] == 0) continue; // a status this Service never returned: no series, as in Prometheus
                string labels = Labels(_series[s], ("status", SeriesLabels.Status(ResponseStatuses.All[i])));
                double total = 0;
                for (int w = 0; w < _windowEnds.Count; w++)
                {
                    ReadSlots(w, s, slots);
                    total += slots[i];
                    Sample(text, "nginx_ingress_controller_requests_total", labels, total, _windowEnds[w]);
                }
            }
        }
    }

    private void WriteRequestDurations(StreamWriter text)
    {
        const string name = "nginx_ingress_controller_request_duration_seconds";
        Metadata(text, name, "summary", "seconds", "Request latency as clients see it; quantiles over each window");
        var slots = new double[SeriesSlots];
        for (int s = 0; s < _series.Count; s++)
        {
            string labels = Labels(_series[s]);
            double count = 0, sum = 0;
            bool any = false;
            for (int w = 0; w < _windowEnds.Count; w++)
            {
                ReadSlots(w, s, slots);
                if (!any && slots[CountSlot] == 0) continue; // the Service's metric starts with its first request
                any = true;
                count += slots[CountSlot];
                sum += slots[SumSlot];
                for (int q = 0; q < Quantiles.Length; q++)
                    if (!double.IsNaN(slots[QuantileSlot + q])) // a window without requests has no quantiles, only count and sum
                        Sample(text, name, Labels(_series[s], ("quantile", Number(Quantiles[q]))), slots[QuantileSlot + q], _windowEnds[w]);
                Sample(text, name + "_count", labels, count, _windowEnds[w]);
                Sample(text, name + "_sum", labels, sum, _windowEnds[w]);
            }
        }
    }

    /// <summary>One level of "all" per window end; a window where it was never set (NaN, e.g. no nginx replica) has no sample.</summary>
    private void WriteLevel(StreamWriter text, int level)
    {
        var (_, name, unit, labels, help) = Levels[level];
        Metadata(text, name, "gauge", unit, help);
        var value = new double[1];
        for (int w = 0; w < _windowEnds.Count; w++)
        {
            RandomAccess.Read(_scratch, MemoryMarshal.AsBytes(value.AsSpan()), (long)w * BlockBytes + (long)LevelSlot(level) * sizeof(double));
            if (!double.IsNaN(value[0])) Sample(text, name, labels, value[0], _windowEnds[w]);
        }
    }

    /// <summary>Reload count (by start) and duration histogram (by end) per controller, from the reload log.</summary>
    private void WriteReloads(StreamWriter text, RunResult result)
    {
        var controllers = result.ReloadLog.Select(r => r.Controller).Distinct().Order(StringComparer.Ordinal).ToArray();
        const string count = "nginx_ingress_controller_success";
        Metadata(text, count, "counter", null, "Cumulative number of nginx reload operations");
        foreach (var controller in controllers)
        {
            var starts = result.ReloadLog.Where(r => r.Controller == controller).Select(r => r.Start.TotalSeconds).Order().ToArray();
            int seen = 0;
            foreach (double end in _windowEnds)
            {
                while (seen < starts.Length && starts[seen] < end) seen++;
                Sample(text, count + "_total", Label("controller", controller), seen, end);
            }
        }
        const string duration = "nginx_ingress_controller_config_last_reload_duration_seconds";
        Metadata(text, duration, "histogram", "seconds", "nginx reload durations, observed when each reload ends (the reference article's name)");
        foreach (var controller in controllers)
        {
            var reloads = result.ReloadLog.Where(r => r.Controller == controller)
                .Select(r => (End: (r.Start + r.Duration).TotalSeconds, Seconds: r.Duration.TotalSeconds)).OrderBy(r => r.End).ToArray();
            var buckets = new long[ReloadBuckets.Length + 1];
            double sum = 0;
            int seen = 0;
            foreach (double end in _windowEnds)
            {
                for (; seen < reloads.Length && reloads[seen].End < end; seen++)
                {
                    sum += reloads[seen].Seconds;
                    for (int b = 0; b < buckets.Length; b++)
                        if (b == ReloadBuckets.Length || reloads[seen].Seconds <= ReloadBuckets[b]) buckets[b]++;
                }
                for (int b = 0; b < buckets.Length; b++)
                {
                    string le = b == ReloadBuckets.Length ? "+Inf" : Number(ReloadBuckets[b]);
                    Sample(text, duration + "_bucket", $"{{controller=\"{Escape(controller)}\",le=\"{le}\"}}", buckets[b], end);
                }
                Sample(text, duration + "_count", Label("controller", controller), buckets[^1], end);
                Sample(text, duration + "_sum", Label("controller", controller), sum, end);
            }
        }
    }

    private void ReadSlots(int window, int series, double[] slots) =>
        RandomAccess.Read(_scratch, MemoryMarshal.AsBytes(slots.AsSpan()), (long)window * BlockBytes + (long)series * SeriesSlots * sizeof(double));

    private static void Metadata(StreamWriter text, string family, string type, string? unit, string help)
    {
        text.Write($"# TYPE {family} {type}\n");
        if (unit is not null) text.Write($"# UNIT {family} {unit}\n");
        text.Write($"# HELP {family} {help}\n");
    }

    private void Sample(StreamWriter text, string name, string labels, double value, double windowEnd)
    {
        text.Write(name);
        text.Write(labels);
        text.Write(' ');
        text.Write(Number(value));
        text.Write(' ');
        text.Write((_startUnixSeconds + windowEnd).ToString("0.###", CultureInfo.InvariantCulture));
        text.Write('\n');
    }

    /// <summary>ingress-nginx's labels of a Service series (none for the unrouted one), then <paramref name="extra"/>.</summary>
    private static string Labels(string series, params (string Name, string Value)[] extra)
    {
        (string Name, string Value)[] own = SeriesLabels.Service(series) is { Length: > 0 } service
            ? [("namespace", SeriesLabels.Namespace(series)), ("service", service)]
            : [];
        return "{" + string.Join(",", own.Concat(extra).Select(l => $"{l.Name}=\"{Escape(l.Value)}\"")) + "}";
    }

    private static string Label(string name, string value) => $"{{{name}=\"{Escape(value)}\"}}";

    /// <summary>OpenMetrics label values escape backslash, double quote and line feed.</summary>
    private static string Escape(string value) => value.Replace("\\", @"\\").Replace("\"", "\\\"").Replace("\n", @"\n");

    /// <summary>Shortest round-trip form in invariant culture; NaN and ±Inf as OpenMetrics spells them.</summary>
    private static string Number(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "+Inf" : double.IsNegativeInfinity(value) ? "-Inf"
        : value.ToString("R", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _scratch.Dispose();
    }
}

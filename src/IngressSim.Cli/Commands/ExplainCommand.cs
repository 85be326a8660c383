using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;
using IngressSim.Reporting;
using IngressSim.Reporting.Narrative;
using static IngressSim.Reporting.Narrative.NarrativeText;

namespace IngressSim.Cli.Commands;

/// <summary>
/// <c>ingress-sim explain RESULTS_DIR --at 15m [--service NAME]</c>: "why" for one window of a finished
/// run, read from its results folder (summary.json, timeseries.csv, timeline.json, narrative.json): the
/// window's latency and statuses against the run's usual window, the reloads in it and what they
/// disturbed, the HPA decisions with the inputs of their calculation, and the events and narrative around it.
/// </summary>
public static class ExplainCommand
{
    private const double AroundSeconds = 60;
    private const int MaxListed = 12;

    public static Command Create()
    {
        var folder = new Argument<string>("results") { Description = "a results folder written by run or replay", HelpName = "RESULTS_DIR" };
        var at = new Option<string>("--at") { Description = "simulated time inside the window to explain: 15m, 900s, 15:00", HelpName = "TIME", Required = true };
        var service = new Option<string?>("--service") { Description = "one series (Service or Ingress route, as in timeseries.csv); namespace/ may be left out", HelpName = "NAME" };
        var command = new Command("explain", "Explain one window of a finished run: its latency, statuses, reloads, HPA decisions and events.");
        command.Arguments.Add(folder);
        command.Options.Add(at);
        command.Options.Add(service);
        command.SetAction(parse =>
        {
            string? problem = Explain(parse.GetValue(folder)!, parse.GetValue(at)!, parse.GetValue(service), Console.Out);
            if (problem is null) return ExitCodes.Success;
            Console.Error.WriteLine($"ingress-sim explain: {problem}");
            return ExitCodes.BadInput;
        });
        return command;
    }

    /// <summary>Writes the explanation; returns why it could not (bad input) or null.</summary>
    public static string? Explain(string folder, string atText, string? service, TextWriter output)
    {
        string summaryPath = Path.Combine(folder, "summary.json"), csvPath = Path.Combine(folder, TimeseriesCsvWriter.FileName);
        if (!Directory.Exists(folder)) return $"results folder '{folder}' not found";
        if (!File.Exists(summaryPath) || !File.Exists(csvPath))
            return $"'{folder}' is not a results folder (it needs summary.json and timeseries.csv, as run or replay write them)";
        if (!TryParseTime(atText, out double at)) return $"--at '{atText}' is not a time; expected e.g. 15m, 900s or 15:00";

        using var summary = JsonDocument.Parse(File.ReadAllBytes(summaryPath));
        var root = summary.RootElement;
        double simulated = root.GetProperty("simulatedSeconds").GetDouble(), windowSeconds = root.GetProperty("windowSeconds").GetDouble();
        if (at < 0 || at >= simulated) return $"--at {atText} is beyond the run, which lasts {Clock(simulated)} ({Duration.FromSecondsRounded(simulated)})";

        var csv = Timeseries.Read(csvPath);
        double start = Math.Floor(at / windowSeconds) * windowSeconds, end = Math.Min(start + windowSeconds, simulated);
        var windowRows = csv.Rows.Where(r => Math.Abs(r.Number("window_start_s") - start) < 1e-6).ToList();
        string seriesName = "all";
        if (service is not null)
        {
            var names = csv.Rows.Select(r => r.Text("series")).Where(n => n != "all").Distinct().Order(StringComparer.Ordinal).ToList();
            var match = names.FirstOrDefault(n => n == service) ?? names.FirstOrDefault(n => n.EndsWith("/" + service, StringComparison.Ordinal));
            if (match is null)
                return $"--service '{service}': no such series in timeseries.csv (e.g. {string.Join(", ", names.Take(5))}{(names.Count > 5 ? ", …" : "")})";
            seriesName = match;
        }

        string scenario = root.GetProperty("scenario").GetString() ?? "", variant = root.GetProperty("variant").GetString() ?? "";
        string phase = root.GetProperty("phases").EnumerateArray()
            .Where(p => p.GetProperty("start").GetDouble() <= start && start < p.GetProperty("end").GetDouble())
            .Select(p => "phase " + p.GetProperty("name").GetString()).FirstOrDefault() ?? "between phases";
        output.WriteLine($"{scenario} [{variant}]: window {Clock(start)}–{Clock(end)} ({phase}){(seriesName == "all" ? "" : $", series {seriesName}")}");
        output.WriteLine();

        string breakdownPath = Path.Combine(folder, new LatencyBreakdownCsvExporter().FileName);
        WriteWindow(output, csv, File.Exists(breakdownPath) ? Timeseries.Read(breakdownPath) : null, windowRows, seriesName);
        var timeline = TimelineFile.Read(Path.Combine(folder, TimelineJsonExporter.Name));
        if (timeline is null)
        {
            output.WriteLine("timeline.json is missing (results from an older version): reloads, HPA decisions and events are not available.");
        }
        else
        {
            WriteReloads(output, timeline, start, end);
            WriteHpa(output, timeline, start, end, seriesName == "all" ? null : seriesName);
            WriteEvents(output, timeline, start, end, seriesName == "all" ? null : seriesName);
        }
        WriteNarrative(output, Path.Combine(folder, NarrativeJsonExporter.Name), start, end);
        return null;
    }

    private static bool TryParseTime(string text, out double seconds)
    {
        seconds = 0;
        string t = text.Trim();
        if (t.Contains(':'))
        {
            var parts = t.Split(':');
            if (parts.Length is < 2 or > 3) return false;
            double total = 0;
            foreach (var p in parts)
            {
                if (!double.TryParse(p, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || v < 0) return false;
                total = total * 60 + v;
            }
            seconds = total;
            return true;
        }
        if (double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double plain)) { seconds = plain; return true; }
        if (Duration.TryParse(t, out var duration, out _)) { seconds = duration.TotalSeconds; return true; }
        return false;
    }

    // ---- the window ------------------------------------------------------------------------------

    /// <summary>
    /// The window's mean time per cause (largest first, as a share of the mean latency) and its slowest
    /// request's causes, from breakdown.csv; said so when the folder has none.
    /// </summary>
    private static void WriteBreakdown(TextWriter output, Timeseries? breakdown, double start)
    {
        var row = breakdown?.Rows.FirstOrDefault(r => Math.Abs(r.Number("window_start_s") - start) < 1e-6);
        if (row is null || double.IsNaN(row.Number("mean_ms")))
        {
            output.WriteLine(breakdown is null ? "  breakdown.csv is missing (results from an older version)" : "  no requests completed in this window");
            return;
        }
        output.WriteLine($"  mean {Latency(row.Number("mean_ms"))}: " + Causes(row, "mean_", row.Number("mean_ms")));
        if (!double.IsNaN(row.Number("slowest_ms")))
            output.WriteLine($"  slowest request: {Latency(row.Number("slowest_ms"))} ({row.Text("slowest_series")}, {row.Text("slowest_status")}, {row.Text("slowest_attempts")} attempt(s)): "
                + Causes(row, "slowest_", row.Number("slowest_ms")));
    }

    private static string Causes(Timeseries.Row row, string prefix, double total) =>
        string.Join(", ", LatencyCauses.All
            .Select(c => (Label: LatencyCauses.Label(c), Ms: row.Number($"{prefix}{LatencyCauses.Key(c)}_ms")))
            .Where(c => c.Ms > 0.0005 * total)
            .OrderByDescending(c => c.Ms)
            .Select(c => $"{c.Label} {Latency(c.Ms)} ({Percent(c.Ms / total)})"));

    private static void WriteWindow(TextWriter output, Timeseries csv, Timeseries? breakdown, List<Timeseries.Row> windowRows, string seriesName)
    {
        var row = windowRows.FirstOrDefault(r => r.Text("series") == seriesName);
        output.WriteLine("Latency and statuses");
        if (row is null)
        {
            output.WriteLine($"  no requests of {seriesName} completed in this window");
            output.WriteLine();
            return;
        }
        long requests = (long)row.Number("requests");
        // The run's usual window for the same series: the median of its windows' p99.
        var p99s = csv.Rows.Where(r => r.Text("series") == seriesName).Select(r => r.Number("p99_ms")).Where(v => !double.IsNaN(v)).Order().ToList();
        string usual = p99s.Count == 0 ? "" : $"; the run's median window p99 is {Latency(p99s[p99s.Count / 2])}";
        output.WriteLine($"  {Count(requests)} requests; p50 {Latency(row.Number("p50_ms"))}, p95 {Latency(row.Number("p95_ms"))}, p99 {Latency(row.Number("p99_ms"))}, p99.9 {Latency(row.Number("p999_ms"))}, max {Latency(row.Number("max_ms"))}{usual}");
        var statuses = csv.Headers.Where(h => h.StartsWith("status_", StringComparison.Ordinal))
            .Select(h => (Label: h["status_".Length..], Count: row.Number(h))).Where(s => s.Count > 0).ToList();
        output.WriteLine("  statuses: " + (statuses.Count == 0 ? "none" : string.Join(", ", statuses.Select(s => $"{s.Label} {Count((long)s.Count)}"))));
        double newConnections = row.Number("new_connections"), full = row.Number("tls_full_handshakes"), resumed = row.Number("tls_resumed_handshakes");
        output.WriteLine($"  retries {Count((long)row.Number("retries"))}; new connections {Count((long)newConnections)} ({(requests == 0 ? "" : Percent(newConnections / requests) + " of requests, ")}each pays a TCP handshake); TLS full handshakes {Count((long)full)}, resumed {Count((long)resumed)}");
        var gauges = csv.Headers.Skip(csv.Headers.IndexOf("tls_resumed_handshakes") + 1)
            .Select(h => (h, v: row.Number(h))).Where(g => !double.IsNaN(g.v)).ToList();
        if (gauges.Count > 0) output.WriteLine("  levels: " + string.Join(", ", gauges.Select(g => $"{g.h} {Number(g.v)}")));

        output.WriteLine();
        output.WriteLine("Where the time went (all requests of the window)");
        WriteBreakdown(output, breakdown, windowRows.Count == 0 ? double.NaN : windowRows[0].Number("window_start_s"));

        if (seriesName == "all")
        {
            var slowest = windowRows.Where(r => r.Text("series") != "all" && !double.IsNaN(r.Number("p99_ms")))
                .OrderByDescending(r => r.Number("p99_ms")).ThenBy(r => r.Text("series"), StringComparer.Ordinal).Take(5).ToList();
            if (slowest.Count > 1)
            {
                output.WriteLine();
                output.WriteLine("Slowest series in this window (p99)");
                foreach (var r in slowest)
                    output.WriteLine($"  {r.Text("series")}: p99 {Latency(r.Number("p99_ms"))}, {Count((long)r.Number("requests"))} requests, errors {Count((long)(r.Number("requests") - r.Number("status_2xx")))}");
            }
        }
        output.WriteLine();
    }

    // ---- reloads, HPA, events ----------------------------------------------------------------------

    private static void WriteReloads(TextWriter output, TimelineFile timeline, double start, double end)
    {
        var inWindow = timeline.Reloads.Where(r => r.Start >= start && r.Start < end).ToList();
        int before = timeline.Reloads.Count(r => r.Start >= start - AroundSeconds && r.Start < start);
        output.WriteLine("Reloads");
        if (inWindow.Count == 0) output.WriteLine($"  none started in this window ({before} in the minute before)");
        else
        {
            long active = inWindow.Sum(r => (long)r.Active), affected = inWindow.Sum(r => (long)r.Affected);
            output.WriteLine($"  {inWindow.Count} started in this window ({before} in the minute before); {Percent(active == 0 ? 0 : affected / (double)active)} of the {Count(active)} connections on retired workers were disturbed (reset, forced to reconnect or delayed)");
            foreach (var r in inWindow.Take(MaxListed))
                output.WriteLine($"  {Clock(r.Start)} {r.Controller}-{r.Replica}: {Latency(r.DurationMs)} to apply; {Count(r.Affected)} of {Count(r.Active)} connections disturbed");
            if (inWindow.Count > MaxListed) output.WriteLine($"  … and {inWindow.Count - MaxListed} more");
        }
        output.WriteLine();
    }

    private static void WriteHpa(TextWriter output, TimelineFile timeline, double start, double end, string? service)
    {
        var scoped = timeline.Hpa.Where(h => service is null || h.Service == service).ToList();
        var near = scoped.Where(h => h.At >= start - AroundSeconds && h.At < end).ToList();
        output.WriteLine("HPA decisions (rescales) from a minute before to the window's end");
        if (near.Count == 0)
        {
            var last = scoped.LastOrDefault(h => h.At < start);
            output.WriteLine(last is null ? "  none" : $"  none; the last before was at {Clock(last.At)}: {last.Describe()}");
        }
        else
        {
            foreach (var h in near.OrderByDescending(h => Math.Abs(h.Desired - h.Current)).ThenBy(h => h.At).ThenBy(h => h.Service, StringComparer.Ordinal).Take(MaxListed).OrderBy(h => h.At))
            {
                output.WriteLine($"  {Clock(h.At)} {h.Describe()}");
                output.WriteLine($"        {h.Inputs()}");
            }
            if (near.Count > MaxListed) output.WriteLine($"  … and {near.Count - MaxListed} more (the largest changes are shown)");
        }
        output.WriteLine();
    }

    private static void WriteEvents(TextWriter output, TimelineFile timeline, double start, double end, string? service)
    {
        var events = timeline.Events
            .Where(e => e.At >= start - AroundSeconds && e.At < end + AroundSeconds && e.Kind is not ("reload" or "hpa"))
            .Where(e => service is null || e.Subject.Contains(service, StringComparison.Ordinal) || e.Kind is "traffic" or "crash" or "node" or "restart")
            .ToList();
        output.WriteLine($"Other events from {Clock(Math.Max(0, start - AroundSeconds))} to {Clock(end + AroundSeconds)}");
        if (events.Count == 0) output.WriteLine("  none");
        foreach (var e in events.Take(MaxListed)) output.WriteLine($"  {Clock(e.At)} {e.Kind} {e.Subject}: {e.Detail}");
        if (events.Count > MaxListed) output.WriteLine($"  … and {events.Count - MaxListed} more");
        if (timeline.Dropped > 0) output.WriteLine($"  (the run kept its logs up to a cap: {Count(timeline.Dropped)} entries were only counted)");
        output.WriteLine();
    }

    private static void WriteNarrative(TextWriter output, string path, double start, double end)
    {
        output.WriteLine("The narrative around it");
        if (!File.Exists(path)) { output.WriteLine("  narrative.json is missing"); return; }
        using var stream = File.OpenRead(path);
        var entries = NarrativeJsonExporter.Read(stream).Where(e => e.AtSeconds >= start - AroundSeconds && e.AtSeconds <= end + AroundSeconds).ToList();
        if (entries.Count == 0) output.WriteLine("  nothing narrated within a minute of it");
        foreach (var e in entries) output.WriteLine($"  {e.Clock}  {e.Kind,-8} {e.Text}");
    }

    // ---- reading the folder ----------------------------------------------------------------------

    /// <summary>timeseries.csv or breakdown.csv as text cells by header (small enough: one row per window and series).</summary>
    private sealed class Timeseries
    {
        public required List<string> Headers { get; init; }
        public required List<Row> Rows { get; init; }

        public static Timeseries Read(string path)
        {
            using var reader = new StreamReader(path);
            using var parser = new CsvHelper.CsvParser(reader, CultureInfo.InvariantCulture);
            var headers = parser.Read() ? parser.Record!.ToList() : [];
            var index = headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i, StringComparer.Ordinal);
            var rows = new List<Row>();
            while (parser.Read()) rows.Add(new Row(parser.Record!, index));
            return new Timeseries { Headers = headers, Rows = rows };
        }

        public sealed class Row(string[] cells, Dictionary<string, int> index)
        {
            public string Text(string header) => index.TryGetValue(header, out int i) && i < cells.Length ? cells[i] : "";

            public double Number(string header) =>
                double.TryParse(Text(header), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : double.NaN;
        }
    }

    private sealed record Reload(string Controller, int Replica, double Start, double DurationMs, int Active, int Affected);

    private sealed record Event(double At, string Kind, string Subject, string Detail);

    private sealed record Hpa(double At, string Service, int Current, int Desired, int Stabilized, int Min, int Max, int Target, double Tolerance,
        string Path, string Limit, int? UpLimit, int? DownLimit, JsonElement? Metric)
    {
        public string Describe()
        {
            string why = Metric is { } m
                ? $"CPU {m.GetProperty("utilizationPercent").GetInt32()} % of request vs target {Target} %"
                : Path switch { "OutOfBounds" => $"outside [{Min}, {Max}]", _ => Path };
            return $"{Service} {Current} → {Desired} ({why})";
        }

        public string Inputs()
        {
            var parts = new List<string>();
            if (Metric is { } m)
            {
                double ratio = m.GetProperty("usageRatio").GetDouble();
                parts.Add($"usage ratio {ratio.ToString("0.00", CultureInfo.InvariantCulture)} (tolerance ±{Percent(Tolerance)}: no change within {(1 - Tolerance).ToString("0.##", CultureInfo.InvariantCulture)}–{(1 + Tolerance).ToString("0.##", CultureInfo.InvariantCulture)})");
                if (m.TryGetProperty("correctedUsageRatio", out var c)) parts.Add($"corrected for unready/missing pods {c.GetDouble().ToString("0.00", CultureInfo.InvariantCulture)}");
                parts.Add($"pods: {m.GetProperty("readyPods").GetInt32()} ready, {m.GetProperty("unreadyPods").GetInt32()} unready, {m.GetProperty("missingPods").GetInt32()} without metrics, {m.GetProperty("ignoredPods").GetInt32()} ignored");
                parts.Add($"recommendation {m.GetProperty("replicas").GetInt32()} ({m.GetProperty("outcome").GetString()})");
            }
            parts.Add($"stabilised {Stabilized}");
            if (UpLimit is { } up) parts.Add($"scale-up policies allow {up}");
            if (DownLimit is { } down) parts.Add($"scale-down policies allow {down}");
            parts.Add($"bounds {Min}–{Max}");
            if (Limit != "None") parts.Add($"limited by {Limit}");
            return string.Join("; ", parts);
        }
    }

    private sealed class TimelineFile
    {
        public required List<Event> Events { get; init; }
        public required List<Reload> Reloads { get; init; }
        public required List<Hpa> Hpa { get; init; }
        public long Dropped { get; init; }

        public static TimelineFile? Read(string path)
        {
            if (!File.Exists(path)) return null;
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            var root = doc.RootElement;
            static int? OptionalInt(JsonElement e, string name) => e.TryGetProperty(name, out var v) ? v.GetInt32() : null;
            return new TimelineFile
            {
                Events = root.GetProperty("events").EnumerateArray().Select(e => new Event(e.GetProperty("atSeconds").GetDouble(),
                    e.GetProperty("kind").GetString() ?? "", e.GetProperty("subject").GetString() ?? "", e.GetProperty("detail").GetString() ?? "")).ToList(),
                Reloads = root.GetProperty("reloads").EnumerateArray().Select(r => new Reload(r.GetProperty("controller").GetString() ?? "",
                    r.GetProperty("replica").GetInt32(), r.GetProperty("startSeconds").GetDouble(), r.GetProperty("durationMs").GetDouble(),
                    r.GetProperty("connectionsActive").GetInt32(), r.GetProperty("connectionsAffected").GetInt32())).ToList(),
                Hpa = root.GetProperty("hpa").EnumerateArray().Select(h => new Hpa(h.GetProperty("atSeconds").GetDouble(), h.GetProperty("service").GetString() ?? "",
                    h.GetProperty("currentReplicas").GetInt32(), h.GetProperty("desiredReplicas").GetInt32(), h.GetProperty("stabilizedReplicas").GetInt32(),
                    h.GetProperty("minReplicas").GetInt32(), h.GetProperty("maxReplicas").GetInt32(), h.GetProperty("targetUtilizationPercent").GetInt32(),
                    h.GetProperty("tolerance").GetDouble(), h.GetProperty("path").GetString() ?? "", h.GetProperty("limit").GetString() ?? "",
                    OptionalInt(h, "scaleUpLimit"), OptionalInt(h, "scaleDownLimit"),
                    h.TryGetProperty("metric", out var m) ? m.Clone() : null)).ToList(),
                Dropped = root.GetProperty("dropped").EnumerateObject().Sum(p => p.Value.GetInt64()),
            };
        }
    }
}

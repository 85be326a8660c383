using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;
using IngressSim.Reporting.OpenMetrics;

namespace IngressSim.Reporting.Tests;

/// <summary>
/// metrics.om against the OpenMetrics 1.0 text rules (prometheus/OpenMetrics specification): metadata before
/// samples, families and metrics not interleaved, counters as <c>_total</c> and never decreasing, timestamps
/// ascending per series, +Inf bucket = count, <c># EOF</c> last — read back with a parser in this test.
/// </summary>
public sealed partial class OpenMetricsWriterTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("ingress-sim-om-tests-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private (string Text, RunResult Result) Write(int seconds = 120)
    {
        var output = new MemoryStream();
        RunResult result;
        using (var writer = new OpenMetricsWriter(output, SyntheticRun.Series, _temp, startUnixSeconds: 1_700_000_000))
        {
            result = SyntheticRun.Create(writer, seconds: seconds);
            writer.Complete(result);
        }
        Assert.Empty(Directory.GetFiles(_temp)); // the scratch file is gone
        return (Encoding.UTF8.GetString(output.ToArray()), result);
    }

    private sealed record Sample(string Name, string Labels, double Value, double Timestamp);

    [GeneratedRegex("""^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})? (\S+) (\S+)$""")]
    private static partial Regex SampleLine();

    [GeneratedRegex("""(,?)(quantile|le)="[^"]*"(,?)""")]
    private static partial Regex PointLabel();

    /// <summary>Parses the text, asserting the structural rules; returns samples by family.</summary>
    private static Dictionary<string, (string Type, List<Sample> Samples)> Parse(string text)
    {
        Assert.EndsWith("# EOF\n", text);
        var lines = text[..^"# EOF\n".Length].Split('\n')[..^1];
        var families = new Dictionary<string, (string Type, List<Sample> Samples)>();
        string? current = null;
        foreach (var line in lines)
        {
            Assert.DoesNotContain("# EOF", line);
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.False(families.ContainsKey(parts[2]), $"family {parts[2]} declared twice (interleaved)");
                Assert.Contains(parts[3], (string[])["counter", "gauge", "summary", "histogram"]);
                current = parts[2];
                families[current] = (parts[3], []);
                continue;
            }
            if (line.StartsWith("# UNIT ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.Equal(current, parts[2]);
                Assert.EndsWith("_" + parts[3], parts[2]);
                continue;
            }
            if (line.StartsWith("# HELP ", StringComparison.Ordinal)) { Assert.Equal(current, line.Split(' ')[2]); continue; }
            var m = SampleLine().Match(line);
            Assert.True(m.Success, $"not a sample line: '{line}'");
            Assert.NotNull(current);
            string name = m.Groups[1].Value;
            string[] suffixes = families[current].Type switch
            {
                "counter" => ["_total"],
                "summary" => ["", "_count", "_sum"],
                "histogram" => ["_bucket", "_count", "_sum"],
                _ => [""],
            };
            Assert.Contains(name, suffixes.Select(s => current + s));
            families[current].Samples.Add(new Sample(name, m.Groups[2].Value,
                double.Parse(m.Groups[3].Value, NumberStyles.Float, CultureInfo.InvariantCulture),
                double.Parse(m.Groups[4].Value, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }
        return families;
    }

    /// <summary>The Metric a sample belongs to: its labels without the per-point quantile or le.</summary>
    private static string MetricOf(Sample s) => PointLabel().Replace(s.Labels, m => m.Groups[1].Value.Length > 0 && m.Groups[3].Value.Length > 0 ? "," : "");

    [Fact]
    public void NginxMemory_OneSamplePerWindowWhereItWasSet()
    {
        var output = new MemoryStream();
        using (var writer = new OpenMetricsWriter(output, ["default/shop"], _temp))
        {
            var recorder = new MetricsRecorder(["default/shop"], [], Instant.FromSeconds(30), writer, Duration.FromSeconds(10));
            recorder.SetGauge(Instant.FromSeconds(5), recorder.AllSeries, Gauge.NginxResidentMemory, 3e9);
            recorder.SetGauge(Instant.FromSeconds(25), recorder.AllSeries, Gauge.NginxResidentMemory, 5e9);
            writer.Complete(recorder.Finish(new RunIdentity("t", "base", 1), events: 0, wallSeconds: 0));
        }
        var memory = Parse(Encoding.UTF8.GetString(output.ToArray()))["nginx_ingress_controller_nginx_process_resident_memory_bytes"];
        Assert.Equal("gauge", memory.Type);
        // A gauge holds its value until set again (window 10–20 s keeps 3e9).
        Assert.Equal([(3e9, 10.0), (3e9, 20.0), (5e9, 30.0)], memory.Samples.Select(x => (x.Value, x.Timestamp)));
    }

    [Fact]
    public void Text_FollowsTheOpenMetricsRules()
    {
        var (text, _) = Write();
        var families = Parse(text);
        Assert.Equal(["nginx_ingress_controller_requests", "nginx_ingress_controller_request_duration_seconds",
            "nginx_ingress_controller_nginx_process_connections", "nginx_ingress_controller_nginx_process_resident_memory_bytes",
            "nginx_ingress_controller_nginx_process_num_procs", "nginx_ingress_controller_success",
            "nginx_ingress_controller_config_last_reload_duration_seconds"], families.Keys);
        foreach (var (family, (type, samples)) in families)
        {
            // Metrics are contiguous: once a label set is left, it does not come back.
            var seen = new HashSet<string>();
            string? previous = null;
            foreach (var metric in samples.Select(MetricOf))
            {
                if (metric != previous) Assert.True(seen.Add(metric), $"{family}: metric {metric} interleaved");
                previous = metric;
            }
            foreach (var series in samples.GroupBy(s => s.Name + s.Labels))
            {
                var points = series.ToArray();
                for (int i = 1; i < points.Length; i++)
                {
                    Assert.True(points[i].Timestamp > points[i - 1].Timestamp, $"{series.Key}: timestamps not ascending");
                    if (type == "counter" || series.Key.Contains("_count") || series.Key.Contains("_bucket"))
                        Assert.True(points[i].Value >= points[i - 1].Value, $"{series.Key}: counter decreased");
                }
            }
        }
    }

    [Fact]
    public void Values_AgreeWithTheResult()
    {
        var (text, result) = Write();
        var families = Parse(text);
        var requests = families["nginx_ingress_controller_requests"].Samples;
        double Final(IEnumerable<Sample> samples) => samples.GroupBy(s => s.Labels).Sum(g => g.Last().Value);
        Assert.Equal(result.Requests, Final(requests));
        Assert.Equal(result.Statuses[ResponseStatus.BadGateway502], Final(requests.Where(s => s.Labels.Contains("status=\"502\""))));
        Assert.Contains(requests, s => s.Labels == """{namespace="shop",service="checkout",status="200"}""");
        Assert.Equal(1_700_000_000 + 10, requests[0].Timestamp);

        var reloads = families["nginx_ingress_controller_success"].Samples;
        Assert.Equal(result.Reloads.Count, reloads[^1].Value);
        var histogram = families["nginx_ingress_controller_config_last_reload_duration_seconds"].Samples;
        foreach (var point in histogram.GroupBy(s => s.Timestamp))
            Assert.Equal(point.Single(s => s.Labels.Contains("le=\"+Inf\"")).Value, point.Single(s => s.Name.EndsWith("_count", StringComparison.Ordinal)).Value);
        Assert.Equal(0.15 * result.ReloadLog.Count(r => (r.Start + r.Duration).TotalSeconds < 120), histogram.Where(s => s.Name.EndsWith("_sum", StringComparison.Ordinal)).Last().Value, 6);

        var p99 = families["nginx_ingress_controller_request_duration_seconds"].Samples.Where(s => s.Labels.Contains("quantile=\"0.99\"")).ToArray();
        Assert.NotEmpty(p99);
        Assert.All(p99, s => Assert.True(s.Value > 0 && s.Value < 10));
    }

    [Fact]
    public void Bytes_AreTheSameUnderGermanCulture()
    {
        var invariant = Write().Text;
        var german = Cultures.With("de-DE", () => Write().Text);
        Assert.Equal(invariant, german);
        Assert.All(german.Split('\n').Where(l => l.Length > 0 && !l.StartsWith('#')), l => Assert.DoesNotContain(',', l.Split(' ')[^2]));
    }
}

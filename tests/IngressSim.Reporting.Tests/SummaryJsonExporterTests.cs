using System.Text.Json;
using IngressSim.Model.Metrics;

namespace IngressSim.Reporting.Tests;

public class SummaryJsonExporterTests
{
    private static byte[] Export(RunResult result, bool deterministic)
    {
        var output = new MemoryStream();
        new SummaryJsonExporter(deterministic).Export(result, output);
        return output.ToArray();
    }

    [Fact]
    public void Summary_HasTheFieldsOfIssues4And5()
    {
        var result = SyntheticRun.Create(seconds: 60);
        using var doc = JsonDocument.Parse(Export(result, deterministic: false));
        var root = doc.RootElement;

        Assert.Equal("synthetic", root.GetProperty("scenario").GetString());
        Assert.Equal("base", root.GetProperty("variant").GetString());
        Assert.Equal(7UL, root.GetProperty("seed").GetUInt64());
        Assert.Equal(60, root.GetProperty("simulatedSeconds").GetDouble());
        Assert.Equal(1.5, root.GetProperty("wallSeconds").GetDouble());
        Assert.Equal(12_345, root.GetProperty("events").GetInt64());
        Assert.Equal(result.Requests, root.GetProperty("requests").GetProperty("total").GetInt64());
        Assert.Equal(result.Statuses[ResponseStatus.GatewayTimeout504],
            root.GetProperty("requests").GetProperty("byStatus").GetProperty("504").GetInt64());
        AssertLatency(root.GetProperty("latencyMs"), result.Latency);
        AssertReloads(root.GetProperty("reloads"));

        var phases = root.GetProperty("phases").EnumerateArray().ToArray();
        Assert.Equal(["baseline", "storm"], phases.Select(p => p.GetProperty("name").GetString()));
        Assert.Equal(30, phases[1].GetProperty("start").GetDouble());
        Assert.Equal(60, phases[1].GetProperty("end").GetDouble());
        Assert.Equal(result.Phases[1].Requests, phases[1].GetProperty("requests").GetProperty("total").GetInt64());
        AssertLatency(phases[1].GetProperty("latencyMs"), result.Phases[1].Latency);
        foreach (var phase in phases) AssertReloads(phase.GetProperty("reloads"));
        Assert.Equal(12, phases[1].GetProperty("reloads").GetProperty("count").GetInt64());
        Assert.Equal(2.5, phases[1].GetProperty("reloads").GetProperty("meanIntervalSeconds").GetDouble(), 9);
        Assert.Equal(JsonValueKind.Null, phases[0].GetProperty("reloads").GetProperty("meanIntervalSeconds").ValueKind);
    }

    [Fact]
    public void DeterministicMode_SameResultGivesTheSameBytes_AndZeroWallTime()
    {
        var first = Export(SyntheticRun.Create(seconds: 60), deterministic: true);
        var second = Export(SyntheticRun.Create(seconds: 60) with { WallSeconds = 99 }, deterministic: true);

        Assert.Equal(first, second);
        using var doc = JsonDocument.Parse(first);
        Assert.Equal(0, doc.RootElement.GetProperty("wallSeconds").GetDouble());
    }

    [Fact]
    public void Bytes_AreTheSameUnderGermanAndUsCulture()
    {
        var result = SyntheticRun.Create(seconds: 60);
        Assert.Equal(Cultures.With("en-US", () => Export(result, true)), Cultures.With("de-DE", () => Export(result, true)));
    }

    private static void AssertLatency(JsonElement latency, LatencySummary expected)
    {
        Assert.Equal(["mean", "p50", "p95", "p99", "p999", "max"], latency.EnumerateObject().Select(p => p.Name));
        Assert.Equal(expected.P99Ms, latency.GetProperty("p99").GetDouble());
        Assert.Equal(expected.MeanMs, latency.GetProperty("mean").GetDouble());
    }

    private static void AssertReloads(JsonElement reloads)
    {
        Assert.Equal(["count", "meanIntervalSeconds", "durationMs", "affectedConnectionFraction"], reloads.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["p50", "max"], reloads.GetProperty("durationMs").EnumerateObject().Select(p => p.Name));
    }
}

using IngressSim.Model.Metrics;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// MODEL_FACTS §1: after a reload the old workers stay until their WebSockets end or
/// worker-shutdown-timeout cuts them, and each live generation holds its workers' memory; over the
/// container's memory limit the kubelet OOM-kills the replica, which restarts as a crashed one does.
/// Timeline: WebSocket sessions open from the start (both replicas get some of every generation), the
/// Ingress is edited at 10 s, 20 s and 30 s (the sync rate limit allows one per 3.3 s).
/// </summary>
public class WorkerMemoryTests
{
    private const long Mi = 1L << 20;
    // Defaults: 2 workers (cpu 2), 80Mi each, 120Mi for the master and controller processes.
    private static long Memory(int generations) => 120 * Mi + generations * 2 * 80 * Mi;

    private static PathScenario Sessions(string lifetime = "{deterministic: 1h}", string shutdown = "240s", string? memoryLimit = null,
        string stopAt = "1h") => new()
    {
        Duration = "70s",
        Window = "5s",
        Rate = $"{{steps: [{{at: 0s, rate: 20/s}}, {{at: {stopAt}, rate: 0/s}}]}}",
        RequestsPerConnection = 1,
        WebSocket = $"share: 100%, lifetime: {lifetime}",
        ControllerExtras = [$"nginx: {{proxy: {{readTimeout: 3600s}}, workerShutdownTimeout: {shutdown}}}",
            .. memoryLimit is null ? Array.Empty<string>() : [$"memoryLimit: {memoryLimit}"]],
        Timeline = ["{at: 10s, touchIngress: {ingress: shop}}", "{at: 20s, touchIngress: {ingress: shop}}", "{at: 30s, touchIngress: {ingress: shop}}"],
    };

    private static double GaugeAt(RowCollector rows, double second, Gauge gauge) =>
        rows.Rows.Single(r => r.Series == MetricsRecorder.AllSeriesName && r.Start.TotalSeconds <= second && second < r.End.TotalSeconds).Gauges[gauge];

    [Fact]
    public void Execute_SessionsOnEveryGeneration_MemoryIsGenerationsTimesWorkersTimesMemoryPerWorker()
    {
        var (result, rows) = PathRuns.Execute(Sessions().Load());
        Assert.Equal(1, GaugeAt(rows, 7, Gauge.WorkerGenerations));
        Assert.Equal(Memory(1), GaugeAt(rows, 7, Gauge.NginxResidentMemory));
        Assert.Equal(3, GaugeAt(rows, 27, Gauge.WorkerGenerations));
        Assert.Equal(4, GaugeAt(rows, 37, Gauge.WorkerGenerations));
        Assert.Equal(Memory(4), GaugeAt(rows, 37, Gauge.NginxResidentMemory));
        Assert.Equal(1 + 4 * 2, GaugeAt(rows, 37, Gauge.NginxProcesses));
        Assert.Equal(new NginxMemorySummary(Memory(4), 4, OomKills: 0), result.NginxMemory);
    }

    [Fact]
    public void Execute_WorkerShutdownTimeout_CutsTheSessionsAndTheirGenerationsGo()
    {
        // Retired at ~10 s, 20 s, 30 s and cut 15 s later: by 50 s only the current generation is left.
        var (result, rows) = PathRuns.Execute(Sessions(shutdown: "15s").Load());
        Assert.Equal(3, GaugeAt(rows, 32, Gauge.WorkerGenerations));
        Assert.Equal(1, GaugeAt(rows, 52, Gauge.WorkerGenerations));
        Assert.Equal(Memory(1), GaugeAt(rows, 52, Gauge.NginxResidentMemory));
        Assert.True(result.WebSockets.WorkerShutdown > 0, $"{result.WebSockets}");
    }

    [Fact]
    public void Execute_SessionsEnd_TheirGenerationsGo()
    {
        // 8 s sessions, none after 25 s: at 15 s those opened before the 10 s edit still hold its workers;
        // the last ends by ~33 s, long before the 240 s shutdown.
        var (result, rows) = PathRuns.Execute(Sessions(lifetime: "{deterministic: 8s}", stopAt: "25s").Load());
        Assert.Equal(2, GaugeAt(rows, 12, Gauge.WorkerGenerations));
        Assert.Equal(1, GaugeAt(rows, 42, Gauge.WorkerGenerations));
        Assert.Equal(0, result.WebSockets.WorkerShutdown);
    }

    [Theory]
    [InlineData("700Mi", 2)] // 4 generations (760Mi) exceed it at the third edit: both replicas
    [InlineData("760Mi", 0)] // reached, not exceeded
    [InlineData("1Gi", 0)]
    public void Execute_MemoryLimit_OomKillsWhenAndOnlyWhenExceeded(string limit, int kills)
    {
        var (result, _) = PathRuns.Execute(Sessions(memoryLimit: limit).Load());
        var oom = result.Timeline.Where(e => e.Kind == "OOMKilled").ToList();
        Assert.Equal(kills, oom.Count);
        Assert.Equal(kills, result.NginxMemory.OomKills);
        if (kills == 0)
        {
            Assert.DoesNotContain(result.Timeline, e => e.Kind == "restart");
            Assert.Equal(0, result.WebSockets.ControllerCrash);
            return;
        }
        // Killed when the third reload's workers start, with 4 generations; restarted 10 s later like a crash.
        Assert.All(oom, e => Assert.InRange(e.At.TotalSeconds, 30, 31));
        Assert.All(oom, e => Assert.Contains("4 worker generations", e.Detail));
        var restarts = result.Timeline.Where(e => e.Kind == "restart").ToList();
        Assert.Equal(oom.Select(e => e.Subject).Order(), restarts.Select(e => e.Subject).Order());
        Assert.All(restarts, r => Assert.Equal(10, (r.At - oom.Single(e => e.Subject == r.Subject).At).TotalSeconds, 6));
        Assert.True(result.WebSockets.ControllerCrash > 100, $"sessions reset by the kill: {result.WebSockets}");
        Assert.Equal(Memory(4), result.NginxMemory.PeakBytes);
    }

    [Fact]
    public void Execute_NoMemoryLimit_NeverKilledHoweverHighMemoryGoes()
    {
        var edits = Enumerable.Range(1, 15).Select(i => $"{{at: {i * 4}s, touchIngress: {{ingress: shop}}}}").ToList();
        var (result, _) = PathRuns.Execute((Sessions() with { Timeline = edits }).Load());
        Assert.True(result.NginxMemory.PeakWorkerGenerations >= 10, $"{result.NginxMemory}");
        Assert.Equal(0, result.NginxMemory.OomKills);
        Assert.DoesNotContain(result.Timeline, e => e.Kind is "OOMKilled" or "restart");
    }

    [Fact]
    public void Execute_EnvoyController_HasNoNginxMemory()
    {
        var (result, rows) = PathRuns.Execute((Sessions(memoryLimit: "1Mi") with { ControllerKind = "envoy" }).Load());
        Assert.Equal(default, result.NginxMemory);
        Assert.True(double.IsNaN(GaugeAt(rows, 37, Gauge.NginxResidentMemory)));
    }
}

using IngressSim.Model.Metrics;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// MODEL_FACTS §7: the cloud LB learns of a dead replica only through its health checks, so new
/// connections keep going to it — their SYNs unanswered, retransmitted after 1 s — until the check
/// has failed unhealthyThreshold times; then the LB sends everything to the live replica.
/// </summary>
public class ControllerCrashTests
{
    [Fact]
    public void Execute_ReplicaCrash_HurtsUntilTheHealthCheckNotices_ThenNotAtAll()
    {
        var scenario = new PathScenario
        {
            Duration = "90s",
            Window = "5s",
            Rate = "{constant: 100/s}",
            RequestsPerConnection = 1, // every request opens a connection through the LB
            Timeline = ["{at: 10s, crashController: {controller: ingress-nginx, replica: 0, restartAfter: 1h}}"],
        };
        var (result, _) = PathRuns.Execute(scenario.Load());
        double P99At(double second) => result.Windows.First(w => w.StartSeconds <= second && second < w.EndSeconds).Latency.P99Ms;
        // Default checks: every 10 s, 3 failures (MODEL_FACTS §7) — detected 20–31 s after the crash.
        Assert.True(P99At(2) < 200, $"before the crash p99 {P99At(2)} ms");
        Assert.True(P99At(17) >= 1000, $"during detection p99 {P99At(17)} ms: SYNs to the dead replica wait for the 1 s retransmission");
        Assert.True(P99At(70) < 200, $"after detection p99 {P99At(70)} ms");
    }

    [Fact]
    public void Reload_AfterARestart_LeavesTheDeadIncarnationsConnectionsAlone()
    {
        // The crash orphaned the clients' idle connections; the reload at 4 s retires the new process's
        // workers only, so it must neither count the orphans as its active connections nor mark them.
        var scenario = new PathScenario
        {
            ControllerReplicas = 1, Duration = "8s", Clients = 1000, RequestsPerConnection = 100, IdleTimeout = "60s",
            Timeline = ["{at: 2s, crashController: {controller: ingress-nginx, replica: 0, restartAfter: 500ms}}",
                        "{at: 4s, touchIngress: {ingress: shop}}"],
        };
        var (_, _, run) = PathRuns.ExecuteRun(scenario.Load());
        var replica = run.Cluster.Replicas[0];
        int orphansMarked = 0, orphans = 0;
        for (int id = 0; id < run.Path!.Connections.Capacity; id++)
        {
            ref var c = ref run.Path!.Connections[id];
            if (!c.Open || c.ReplicaIncarnation == replica.Incarnation) continue;
            orphans++;
            if (c.ClosedByReload >= 0) orphansMarked++;
        }

        Assert.True(replica.ReloadSequence >= 1, "no reload happened");
        Assert.True(orphans > 0, "the crash left no orphaned connection to test with");
        Assert.Equal(0, orphansMarked);
    }

    [Fact]
    public void Crash_RequestsInFlight_AreResetNotAnswered()
    {
        // Pods take 2 s, the only replica dies at 1 s and stays down: every request was in flight at the crash
        // or could not connect after it, so none may be answered (before the fix they came back as 2xx).
        var scenario = new PathScenario
        {
            ControllerReplicas = 1, Duration = "4s", Rate = "{constant: 100/s}", PodReplicas = 3, Concurrency = 1000,
            ServiceTime = "{deterministic: 2s}",
            Timeline = ["{at: 1s, crashController: {controller: ingress-nginx, replica: 0, restartAfter: null}}"],
        };
        var (result, deliveries, _) = PathRuns.ExecuteObserved(scenario.Load());

        Assert.DoesNotContain(deliveries, d => d.Status == ResponseStatus.Ok2xx);
        Assert.True(deliveries.Count(d => d.Status == ResponseStatus.ConnectionReset) >= 80, $"{result.Statuses[ResponseStatus.ConnectionReset]} resets");
    }
}

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
}

using IngressSim.Model.Metrics;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// A deleted pod leaves the endpoints at once, but nginx learns it only at its next sync — here 3 s
/// later (a batching window). Without a preStop hook the pod stops accepting at SIGTERM and nginx,
/// allowed one upstream try, answers 502 for every request it still sends there; a preStop sleep
/// longer than that lag keeps the pod serving until no one sends to it any more. Contour sends
/// endpoint changes past its DAG, so the same batching window does not delay them.
/// </summary>
public class StaleEndpointTests
{
    private static PathScenario ScaleDownUnderStaleEndpoints(string? preStopSleep, string controller, string batchWindow) => new()
    {
        ControllerKind = controller,
        Duration = "6s",
        Rate = "{constant: 200/s}",
        Rtt = "5ms",
        ControllerReplicas = 1,
        PodReplicas = 2,
        ControllerExtras = [$"batchWindow: {batchWindow}", "nginx: {proxy: {nextUpstreamTries: 1}}"],
        WorkloadExtras = preStopSleep is null ? [] : [$"preStopSleep: {preStopSleep}"],
        Timeline = ["{at: 1s, scale: {deployment: shop, replicas: 1}}"],
    };

    private static long Failed(string? preStopSleep, string controller = "nginx", string batchWindow = "3s")
    {
        var result = PathRuns.Execute(ScaleDownUnderStaleEndpoints(preStopSleep, controller, batchWindow).Load()).Result;
        Assert.True(result.Requests > 1000, $"only {result.Requests} requests");
        return result.Requests - result.Statuses[ResponseStatus.Ok2xx];
    }

    [Fact]
    public void ScaleDown_NoPreStopHook_StaleEndpointGets502s()
    {
        // About half the requests of the ~3.5 s (propagation + window) the controller still balances onto the gone pod.
        Assert.InRange(Failed(preStopSleep: null), 200, 600);
    }

    [Fact]
    public void ScaleDown_PreStopSleepShorterThanTheLag_FailsOnlyAfterTheHookReturns()
    {
        long none = Failed(preStopSleep: null), shortSleep = Failed("1500ms");
        Assert.InRange(shortSleep, 1, none * 3 / 4);
    }

    [Fact]
    public void ScaleDown_PreStopSleepLongerThanTheLag_NoErrors()
    {
        Assert.Equal(0, Failed("5s"));
    }

    [Fact]
    public void ScaleDown_Envoy_EndpointChangesBypassTheBatchWindow()
    {
        long nginx = Failed(preStopSleep: null), envoy = Failed(preStopSleep: null, "envoy");
        Assert.True(envoy < nginx / 3, $"envoy {envoy} vs nginx {nginx} failures");
        Assert.Equal(Failed(preStopSleep: null, "envoy", batchWindow: "0s"), envoy);
    }
}

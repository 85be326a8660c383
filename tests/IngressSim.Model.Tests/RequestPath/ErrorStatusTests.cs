using IngressSim.Model.Metrics;
using IngressSim.Model.Running;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// Requests the controller answers itself: a host no Ingress routes (404, in the "(unrouted)" series)
/// and a Service with no ready endpoints (503, MODEL_FACTS §9). They never reach a pod: on a reused
/// keep-alive connection each takes exactly the RTT, the LB both ways and the replica's request CPU.
/// One client (it reuses its own idle connection) and short round trips, so most requests find it idle.
/// </summary>
public class ErrorStatusTests
{
    // 5 ms RTT + 2 × 0.2 ms LB + 0.1 ms replica CPU (RequestCostsSpec default).
    private const double WarmControllerAnswerMs = 5.5;

    private static PathScenario Base => new()
    {
        Duration = "3s",
        Rate = "{constant: 50/s}",
        Rtt = "5ms",
        LoadBalancerLatency = "200us",
        Clients = 1,
        ControllerReplicas = 1,
    };

    private static void AssertAnsweredByTheController(List<DeliveredResponses.Delivery> deliveries, ResponseStatus status, double warmMs)
    {
        Assert.True(deliveries.Count >= 60, $"only {deliveries.Count} responses");
        Assert.All(deliveries, d => Assert.Equal(status, d.Status));
        Assert.Equal(warmMs, deliveries.Min(d => d.Latency.TotalMilliseconds), 9);
        Assert.True(deliveries.Count(d => Math.Abs(d.Latency.TotalMilliseconds - warmMs) < 1e-9) > deliveries.Count / 2, "most requests ride a warm connection");
    }

    [Fact]
    public void Execute_HostWithNoIngress_Is404InTheUnroutedSeries()
    {
        var (result, deliveries, _) = PathRuns.ExecuteObserved((Base with { RequestHost = "nobody.example.com" }).Load());

        Assert.Equal(result.Requests, result.Statuses[ResponseStatus.NotFound404]);
        Assert.Equal(result.Requests, result.Series(ClusterBuilder.UnroutedSeries).Statuses[ResponseStatus.NotFound404]);
        Assert.Equal(0, result.Series(PathScenario.ServiceSeries).Requests);
        AssertAnsweredByTheController(deliveries, ResponseStatus.NotFound404, WarmControllerAnswerMs);
    }

    [Fact]
    public void Execute_HostWithAnIngress_Is2xxInItsServiceSeries()
    {
        // Same cluster, routed host: the control case for the 404 test above.
        var result = PathRuns.Execute(Base.Load()).Result;

        Assert.True(result.Requests >= 100);
        Assert.Equal(result.Requests, result.Statuses[ResponseStatus.Ok2xx]);
        Assert.Equal(0, result.Series(ClusterBuilder.UnroutedSeries).Requests);
        Assert.Equal(result.Requests, result.Series(PathScenario.ServiceSeries).Requests);
    }

    [Fact]
    public void Execute_NoIngressAtAll_Is404InTheUnroutedSeries()
    {
        var (result, deliveries, _) = PathRuns.ExecuteObserved((Base with { WithIngress = false }).Load());

        Assert.Equal(result.Requests, result.Series(ClusterBuilder.UnroutedSeries).Statuses[ResponseStatus.NotFound404]);
        AssertAnsweredByTheController(deliveries, ResponseStatus.NotFound404, WarmControllerAnswerMs);
    }

    [Fact]
    public void Execute_ServiceWithNoPods_Is503InTheServiceSeries()
    {
        var (result, deliveries, _) = PathRuns.ExecuteObserved((Base with { PodReplicas = 0 }).Load());

        Assert.Equal(result.Requests, result.Series(PathScenario.ServiceSeries).Statuses[ResponseStatus.ServiceUnavailable503]);
        Assert.Equal(0, result.Series(ClusterBuilder.UnroutedSeries).Requests);
        AssertAnsweredByTheController(deliveries, ResponseStatus.ServiceUnavailable503, WarmControllerAnswerMs);
    }

    [Fact]
    public void Execute_ServiceWithNoPodsAndRetriesOn503_RetriesAndCountsTheWholeWait()
    {
        // Count 2, back-offs 1 and 2 ms; each retry reuses the keep-alive connection the 503 came back
        // on: 3 × 5.5 + 3 = 19.5 ms as the client experiences it, final status 503.
        var scenario = Base with
        {
            PodReplicas = 0,
            Duration = "5s",
            Rate = "{steps: [{at: 0s, rate: 20/s}, {at: 4s, rate: 0/s}]}",
            Retry = "count: 2, backoff: 1ms, multiplier: 2, onStatus: [503]",
        };
        var (result, deliveries, run) = PathRuns.ExecuteObserved(scenario.Load());

        Assert.Equal(0, run.Path!.InFlight);
        Assert.Equal(result.Requests, result.Statuses[ResponseStatus.ServiceUnavailable503]);
        Assert.Equal(2 * result.Requests, result.Retries);
        var finals = deliveries.Where(d => d.Attempt == 2).ToList(); // only the last attempt's response ends a request
        Assert.Equal(result.Requests, finals.Count);
        Assert.Equal(3 * result.Requests, deliveries.Count);
        AssertAnsweredByTheController(finals, ResponseStatus.ServiceUnavailable503, 3 * WarmControllerAnswerMs + 3);
    }
}

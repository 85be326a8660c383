using IngressSim.Model.Metrics;
using IngressSim.Model.Running;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// Requests the controller answers itself: a host no Ingress routes (404, in the "(unrouted)" series)
/// and a Service with no ready endpoints (503, MODEL_FACTS §9). They never reach a pod, so with a new
/// connection per request each takes exactly TCP + request/response RTT, the LB both ways and the
/// replica's request CPU.
/// </summary>
public class ErrorStatusTests
{
    // 2 × 20 ms RTT + 2 × 0.2 ms LB + 0.1 ms replica CPU (RequestCostsSpec default).
    private const double ControllerAnswerMs = 40.5;

    private static PathScenario Base => new()
    {
        Duration = "3s",
        Rate = "{constant: 50/s}",
        RequestsPerConnection = 1,
        Rtt = "20ms",
        LoadBalancerLatency = "200us",
    };

    [Fact]
    public void Execute_HostWithNoIngress_Is404InTheUnroutedSeries()
    {
        var (result, rows) = PathRuns.Execute((Base with { RequestHost = "nobody.example.com" }).Load());

        Assert.True(result.Requests >= 100, $"only {result.Requests} requests");
        Assert.Equal(result.Requests, result.Statuses[ResponseStatus.NotFound404]);
        var unrouted = result.Series(ClusterBuilder.UnroutedSeries);
        Assert.Equal(result.Requests, unrouted.Statuses[ResponseStatus.NotFound404]);
        Assert.Equal(0, result.Series(PathScenario.ServiceSeries).Requests);
        Assert.Equal(ControllerAnswerMs, result.Latency.MaxMs, 9);
        Assert.Equal(ControllerAnswerMs, result.Latency.MeanMs, 9);
        Assert.Equal(result.Requests, rows.Rows.Where(r => r.Series == ClusterBuilder.UnroutedSeries).Sum(r => r.Statuses[ResponseStatus.NotFound404]));
    }

    [Fact]
    public void Execute_HostWithAnIngress_Is2xxInItsServiceSeries()
    {
        // Same cluster, Ingress present: the control case for the 404 test above.
        var result = PathRuns.Execute(Base.Load()).Result;

        Assert.Equal(result.Requests, result.Statuses[ResponseStatus.Ok2xx]);
        Assert.Equal(0, result.Series(ClusterBuilder.UnroutedSeries).Requests);
        Assert.Equal(result.Requests, result.Series(PathScenario.ServiceSeries).Requests);
    }

    [Fact]
    public void Execute_NoIngressAtAll_Is404InTheUnroutedSeries()
    {
        var result = PathRuns.Execute((Base with { WithIngress = false }).Load()).Result;

        Assert.True(result.Requests >= 100, $"only {result.Requests} requests");
        Assert.Equal(result.Requests, result.Series(ClusterBuilder.UnroutedSeries).Statuses[ResponseStatus.NotFound404]);
    }

    [Fact]
    public void Execute_ServiceWithNoPods_Is503InTheServiceSeries()
    {
        var result = PathRuns.Execute((Base with { PodReplicas = 0 }).Load()).Result;

        Assert.True(result.Requests >= 100, $"only {result.Requests} requests");
        var service = result.Series(PathScenario.ServiceSeries);
        Assert.Equal(result.Requests, service.Statuses[ResponseStatus.ServiceUnavailable503]);
        Assert.Equal(0, result.Series(ClusterBuilder.UnroutedSeries).Requests);
        Assert.Equal(ControllerAnswerMs, result.Latency.MaxMs, 9);
        Assert.Equal(ControllerAnswerMs, result.Latency.MeanMs, 9);
    }

    [Fact]
    public void Execute_ServiceWithNoPodsAndRetriesOn503_RetriesAndCountsTheWholeWait()
    {
        // 3 attempts of 40.5 ms with back-offs of 100 and 200 ms between them: 421.5 ms, final status 503.
        var scenario = Base with { PodReplicas = 0, Rate = "{steps: [{at: 0s, rate: 50/s}, {at: 2s, rate: 0/s}]}", Retry = "count: 2, backoff: 100ms, onStatus: [503]" };
        var (result, _, run) = PathRuns.ExecuteRun(scenario.Load());

        Assert.Equal(0, run.Path!.InFlight);
        Assert.Equal(result.Requests, result.Statuses[ResponseStatus.ServiceUnavailable503]);
        Assert.Equal(2 * result.Requests, result.Retries);
        Assert.Equal(3 * ControllerAnswerMs + 300, result.Latency.MaxMs, 9);
        Assert.Equal(3 * ControllerAnswerMs + 300, result.Latency.MeanMs, 9);
    }
}

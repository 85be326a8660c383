using IngressSim.Model.Metrics;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// The proxy's own patience: a pod slower than proxy-read-timeout (nginx) or the route timeout (Envoy)
/// gets a 504 from the replica, after proxy_next_upstream has tried other pods (MODEL_FACTS §2, §3).
/// </summary>
public class UpstreamTimeoutTests
{
    private static readonly PathScenario Slow = new()
    {
        Duration = "30s",
        Rate = "{steps: [{at: 0s, rate: 5/s}, {at: 2s, rate: 0/s}]}",
        Timeout = "1h",
        LoadBalancerLatency = "0s",
        PodNetworkLatency = "0s",
        ServiceTime = "{deterministic: 3s}",
        ControllerExtras = ["nginx: {proxy: {readTimeout: 1s, nextUpstreamTries: 3}}"],
    };

    [Fact]
    public void Execute_PodSlowerThanReadTimeout_Answers504AfterTryingThreePods()
    {
        var (result, deliveries, _) = PathRuns.ExecuteObserved(Slow.Load());
        Assert.True(result.Requests > 0);
        Assert.Equal(result.Requests, result.Statuses[ResponseStatus.GatewayTimeout504]);
        // Three tries of one second each (proxy_next_upstream timeout), on warm and cold connections alike.
        Assert.All(deliveries, d => Assert.InRange(d.Latency.TotalSeconds, 3.0, 3.2));
    }

    [Fact]
    public void Execute_EnvoyRouteTimeoutBelowServiceTime_Answers504AtTheRouteTimeout()
    {
        var envoy = Slow with { ControllerKind = "envoy", ControllerExtras = ["envoy: {routeTimeout: 2s}"] };
        var (result, deliveries, _) = PathRuns.ExecuteObserved(envoy.Load());
        Assert.Equal(result.Requests, result.Statuses[ResponseStatus.GatewayTimeout504]);
        // Envoy does not retry by default: one route timeout.
        Assert.All(deliveries, d => Assert.InRange(d.Latency.TotalSeconds, 2.0, 2.2));
    }

    [Fact]
    public void Execute_PodFasterThanReadTimeout_AnswersOk()
    {
        var fast = Slow with { ServiceTime = "{deterministic: 500ms}" };
        var (result, _, _) = PathRuns.ExecuteObserved(fast.Load());
        Assert.Equal(result.Requests, result.Statuses[ResponseStatus.Ok2xx]);
    }

    [Fact]
    public void Execute_ServiceUpstream_ReachesPodsThroughKubeProxyWithoutRetries()
    {
        var clusterIp = Slow with { ControllerExtras = ["serviceUpstream: true", "nginx: {proxy: {readTimeout: 1s, nextUpstreamTries: 3}}"] };
        var (result, deliveries, _) = PathRuns.ExecuteObserved(clusterIp.Load());
        Assert.Equal(result.Requests, result.Statuses[ResponseStatus.GatewayTimeout504]);
        // One upstream only (the ClusterIP): no next upstream to try, so one read timeout.
        Assert.All(deliveries, d => Assert.InRange(d.Latency.TotalSeconds, 1.0, 1.2));
    }
}

/// <summary>The article's NetworkPolicy edge case: a policy that admits nothing from the controller's namespace makes requests time out.</summary>
public class NetworkPolicyDenialTests
{
    [Fact]
    public void Execute_PolicyBlocksControllerNamespace_EveryRequestTimesOutWith504()
    {
        var blocked = new PathScenario
        {
            Duration = "40s",
            Rate = "{steps: [{at: 0s, rate: 5/s}, {at: 2s, rate: 0/s}]}",
            Timeout = "1h",
            LoadBalancerLatency = "0s",
            PodNetworkLatency = "0s",
            ControllerExtras = ["nginx: {proxy: {connectTimeout: 2s, nextUpstreamTries: 3}}"],
            ExtraManifests = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: only-frontend, namespace: default}
                spec:
                  podSelector: {matchLabels: {app: shop}}
                  ingress:
                    - from: [{namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: frontend}}}]
                """,
        };
        var (result, deliveries, _) = PathRuns.ExecuteObserved(blocked.Load());
        Assert.True(result.Requests > 0);
        Assert.Equal(result.Requests, result.Statuses[ResponseStatus.GatewayTimeout504]);
        // Three connect timeouts of 2 s each.
        Assert.All(deliveries, d => Assert.InRange(d.Latency.TotalSeconds, 6.0, 6.2));
    }
}

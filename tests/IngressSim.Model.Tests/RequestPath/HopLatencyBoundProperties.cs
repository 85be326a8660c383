using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// No successful request is faster than the fixed costs of its path: the client RTT (half each way),
/// the LB both ways, the pod network both ways and the replica's request CPU. Checked exactly, per
/// request (<see cref="DeliveredResponses"/>), so every recorded 2xx latency is checked, not a percentile.
/// </summary>
public class HopLatencyBoundProperties
{
    private static Duration Parse(string microseconds) =>
        Duration.FromMicroseconds(long.Parse(microseconds.TrimEnd('u', 's'), System.Globalization.CultureInfo.InvariantCulture));

    private static Duration FixedHops(PathScenario s) =>
        Parse(s.Rtt) + Parse(s.LoadBalancerLatency) * 2 + Parse(s.PodNetworkLatency) * 2 + new RequestCostsSpec().Request;

    [Property(MaxTest = 40)]
    public Property Execute_EverySuccessfulRequest_TakesAtLeastTheFixedHopLatencies() =>
        Prop.ForAll(PathScenarioGen.MostlySuccessful.ToArbitrary(), scenario => AtLeastFixedHops(scenario, requireSuccess: true));

    [Property(MaxTest = 20)]
    public Property Execute_EverySuccessfulRequestDespiteCrashesAndReloads_TakesAtLeastTheFixedHopLatencies() =>
        Prop.ForAll(PathScenarioGen.AnyWithTimeline.ToArbitrary(), scenario => AtLeastFixedHops(scenario with { Timeout = "5s" }, requireSuccess: false));

    /// <param name="requireSuccess">Whether the scenario guarantees some 2xx (a timeline may scale the pods away).</param>
    private static Property AtLeastFixedHops(PathScenario scenario, bool requireSuccess)
    {
        var (result, deliveries, _) = PathRuns.ExecuteObserved(scenario.Load());
        var ok = deliveries.Where(d => d.Status == ResponseStatus.Ok2xx).Select(d => d.Latency).ToList();
        var bound = FixedHops(scenario);
        var fastest = ok.Count == 0 ? bound : ok.Min();
        return (ok.Count > 0 || !requireSuccess).Label("no 2xx response to check")
            .And((ok.Count == result.Statuses[ResponseStatus.Ok2xx]).Label($"observed {ok.Count} 2xx, recorded {result.Statuses[ResponseStatus.Ok2xx]}"))
            .And((fastest >= bound).Label($"fastest 2xx {fastest} < fixed hops {bound}"));
    }

    /// <summary>
    /// The bound is tight: a request on a warm keep-alive connection with a warm upstream connection and a
    /// deterministic service time takes exactly the fixed hops plus the service time.
    /// </summary>
    [Fact]
    public void Execute_WarmConnectionsAndDeterministicService_FastestRequestIsExactlyFixedHopsPlusService()
    {
        var scenario = new PathScenario
        {
            Duration = "6s",
            Rate = "{constant: 20/s}", // one client reusing its own connection: rarely two requests at once
            Clients = 1,
            ControllerReplicas = 1,
            PodReplicas = 1,
            Rtt = "30000us",
            LoadBalancerLatency = "250us",
            PodNetworkLatency = "700us",
            ServiceTime = "{deterministic: 5ms}",
        };

        var (result, deliveries, _) = PathRuns.ExecuteObserved(scenario.Load());

        Assert.True(deliveries.Count > 100);
        Assert.All(deliveries, d => Assert.Equal(ResponseStatus.Ok2xx, d.Status));
        var warm = FixedHops(scenario) + Duration.FromMilliseconds(5);
        Assert.Equal(warm, deliveries.Min(d => d.Latency));
        Assert.True(deliveries.Count(d => d.Latency == warm) > deliveries.Count / 2, "most requests ride warm connections");
        Assert.Equal(deliveries.Max(d => d.Latency).Nanoseconds / 1e6, result.Latency.MaxMs, 9);
    }
}

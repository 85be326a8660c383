using IngressSim.Engine.Time;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// A new connection costs the TCP handshake — one round trip (SYN → SYN-ACK; the ACK rides with the
/// request, HandshakeTimings' own comment) — more than a reused one. With the LB adding no latency,
/// that is exactly one RTT whichever way handshake packets are charged.
/// </summary>
public class TcpHandshakeCostTests
{
    private static PathScenario Scenario(int requestsPerConnection) => new()
    {
        Duration = "5s",
        Rate = "{steps: [{at: 0s, rate: 20/s}, {at: 4s, rate: 0/s}]}",
        RequestsPerConnection = requestsPerConnection,
        Clients = 1,
        ControllerReplicas = 1,
        Rtt = "20ms",
        LoadBalancerLatency = "0us",
        PodNetworkLatency = "300us",
        ServiceTime = "{deterministic: 10ms}",
        ControllerExtras = ["upstreamKeepAlive: {connections: 0}"],
    };

    [Fact]
    public void Latency_NewConnectionWithoutTls_IsExactlyOneRttMoreThanAReusedConnection()
    {
        var fresh = PathRuns.ExecuteObserved(Scenario(requestsPerConnection: 1).Load()).Deliveries;
        var reused = PathRuns.ExecuteObserved(Scenario(requestsPerConnection: 100000).Load()).Deliveries;

        var warm = reused.Min(d => d.Latency);
        Assert.All(fresh, d => Assert.Equal(warm + Duration.FromMilliseconds(20), d.Latency));
    }

    [Fact]
    public void Latency_NewConnectionPerRequest_IsTcpRttPlusRequestRttPlusHopsAndService()
    {
        var (result, _, _) = PathRuns.ExecuteObserved(Scenario(requestsPerConnection: 1).Load());
        // 20 ms TCP + 20 ms request/response + 0.1 ms replica CPU + 3 × 0.3 ms pod connect and request + 10 ms + 0.3 ms back.
        Assert.Equal(51.3, result.Latency.MaxMs, 9);
        Assert.Equal(51.3, result.Latency.MeanMs, 9);
    }
}

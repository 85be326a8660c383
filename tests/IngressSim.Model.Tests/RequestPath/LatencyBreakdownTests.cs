using IngressSim.Model.Metrics;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>Where the time goes: each hop's cost lands in its cause, exactly as the path spends it.</summary>
public class LatencyBreakdownTests
{
    private static LatencyBreakdown Run(PathScenario scenario) => PathRuns.Execute(scenario.Load()).Result.Breakdown;

    private static readonly PathScenario Quiet = new()
    {
        Rate = "{constant: 20/s}",
        Duration = "20s",
        Rtt = "20ms",
        LoadBalancerLatency = "0s",
        PodNetworkLatency = "0s",
        ServiceTime = "{deterministic: 10ms}",
    };

    [Fact]
    public void NewTls12ConnectionEveryRequest_HandshakesAndTripsInTheirCauses()
    {
        var b = Run(Quiet with { Tls = "1.2", RequestsPerConnection = 1 });
        // SYN out and SYN-ACK/ACK (1.5 RTT until the server accepts), TLS 1.2's two round trips (the request
        // rides with the last flight), the response's trip back: 4 RTT in all.
        Assert.Equal(30, b[LatencyCause.TcpHandshake], 1e-6);
        Assert.Equal(40, b[LatencyCause.TlsHandshake], 1e-6);
        Assert.Equal(10, b[LatencyCause.ClientNetwork], 1e-6);
        Assert.Equal(10, b[LatencyCause.PodService], 1e-6);
        Assert.Equal(0, b[LatencyCause.SynRetransmit]);
        Assert.Equal(0, b[LatencyCause.PodQueue]);
    }

    [Fact]
    public void ReusedConnections_OnlyTheRequestAndResponseTrips()
    {
        var b = Run(Quiet with { Clients = 1, Rate = "{constant: 2/s}", Duration = "60s" });
        // One client, one keep-alive connection: a request pays one RTT of trips and no handshake, unless it
        // finds the connection busy (2/s × 30 ms ≈ 6 % of the time) and opens a second one.
        Assert.InRange(b[LatencyCause.ClientNetwork], 18.5, 20.1);
        Assert.InRange(b[LatencyCause.TcpHandshake], 0, 3);
    }

    [Fact]
    public void OverloadedPods_QueueingIsPodQueue()
    {
        // One pod slot, 10 ms each, 50 requests/s: ρ = 0.5, the M/D/1 wait is ρ/(2μ(1−ρ)) = 5 ms.
        var b = Run(Quiet with { Rate = "{constant: 50/s}", Duration = "120s", PodReplicas = 1, Concurrency = 1 });
        Assert.InRange(b[LatencyCause.PodQueue], 4, 6);
        Assert.Equal(10, b[LatencyCause.PodService], 1e-6);
    }
}

using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// With a new connection per request (keep-alive off), a deterministic service time, a fixed RTT and no
/// queueing, every request of a run takes exactly the same time, so exact means and maxima pin the TLS
/// handshake cost: TLS 1.3 one RTT more than plain TCP, TLS 1.2 two, a resumed session one
/// (MODEL_FACTS §8), plus the server's handshake CPU (RequestCostsSpec defaults) on the replica. Arrivals
/// stop a second before the end so every request has finished.
/// </summary>
public class TlsHandshakeLatencyTests
{
    private static readonly Duration Rtt = Duration.FromMilliseconds(20);
    private static readonly RequestCostsSpec Costs = new();

    private static PathScenario NewConnectionPerRequest(string tls, int replicas = 2, int clients = 1000, string resumption = "0%") => new()
    {
        Duration = "5s",
        Rate = "{steps: [{at: 0s, rate: 20/s}, {at: 4s, rate: 0/s}]}", // ~80 requests, far apart: no queueing anywhere
        Tls = tls,
        Resumption = resumption,
        RequestsPerConnection = 1,
        Clients = clients,
        Rtt = "20ms",
        // Every client round trip crosses the LB twice; with no LB latency a round trip is exactly the RTT.
        LoadBalancerLatency = "0s",
        PodNetworkLatency = "300us",
        ServiceTime = "{deterministic: 10ms}",
        ControllerReplicas = replicas,
        // No upstream keep-alive: every request pays the same TCP connect to the pod.
        ControllerExtras = ["upstreamKeepAlive: {connections: 0}"],
    };

    private static double Ms(Duration d) => d.Nanoseconds / (double)Duration.NanosPerMillisecond;

    /// <summary>The one latency every request of the run had.</summary>
    private static double ConstantLatencyMs(string tls)
    {
        var (result, _, run) = PathRuns.ExecuteRun(NewConnectionPerRequest(tls).Load());
        Assert.True(result.Requests >= 50, $"only {result.Requests} requests");
        Assert.Equal(run.Path!.Started, result.Requests);
        Assert.Equal(result.Requests, result.Statuses[ResponseStatus.Ok2xx]);
        Assert.Equal(result.Latency.MaxMs, result.Latency.MeanMs, 9);
        var series = result.Series(PathScenario.ServiceSeries);
        Assert.Equal(result.Requests, series.NewConnections);
        Assert.Equal(tls == "none" ? 0 : result.Requests, series.TlsFullHandshakes);
        Assert.Equal(0, series.TlsResumedHandshakes);
        return result.Latency.MaxMs;
    }

    [Fact]
    public void Latency_Tls13VersusNone_IsOneRttPlusTheFullHandshakeCpuMore()
    {
        Assert.Equal(Ms(Rtt + Costs.TlsFullHandshake), ConstantLatencyMs("1.3") - ConstantLatencyMs("none"), 9);
    }

    [Fact]
    public void Latency_Tls12VersusTls13_IsOneRttMore()
    {
        Assert.Equal(Ms(Rtt), ConstantLatencyMs("1.2") - ConstantLatencyMs("1.3"), 9);
    }

    /// <summary>
    /// One client and one replica: the first connection does a full handshake and stores its session;
    /// every later one resumes from the replica's cache in 1 RTT (TLS 1.2 saves a round trip, TLS 1.3
    /// none) with the resumed-handshake CPU.
    /// </summary>
    [Theory]
    [InlineData("1.2", 2)]
    [InlineData("1.3", 1)]
    public void Latency_ResumedSessions_CostOneTlsRttAndTheResumedCpu(string tls, int fullTlsRoundTrips)
    {
        double full = ConstantLatencyMs(tls);
        var (result, deliveries, run) = PathRuns.ExecuteObserved(NewConnectionPerRequest(tls, replicas: 1, clients: 1, resumption: "100%").Load());

        var series = result.Series(PathScenario.ServiceSeries);
        Assert.Equal(run.Path!.Started, result.Requests);
        Assert.Equal(1, series.TlsFullHandshakes);
        Assert.Equal(result.Requests - 1, series.TlsResumedHandshakes);
        double resumed = full - Ms(Rtt * (fullTlsRoundTrips - 1) + Costs.TlsFullHandshake - Costs.TlsResumedHandshake);
        Assert.Equal(full, Ms(deliveries[0].Latency), 9);
        Assert.All(deliveries.Skip(1), d => Assert.Equal(resumed, Ms(d.Latency), 9));
        Assert.Equal((full + (result.Requests - 1) * resumed) / result.Requests, result.Latency.MeanMs, 9);
    }
}

using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// With a new connection per request (keep-alive off), a deterministic service time, a fixed RTT and no
/// queueing, every request takes exactly the same time, so the run's exact mean and max pin the
/// handshake cost: TCP 1 RTT, TLS 1.3 +1 RTT, TLS 1.2 +2 RTT, resumed +1 RTT (MODEL_FACTS §8), plus
/// the server's handshake CPU (RequestCostsSpec defaults) on the replica.
/// </summary>
public class TlsHandshakeLatencyTests
{
    private static readonly Duration Rtt = Duration.FromMilliseconds(20);
    private static readonly Duration LoadBalancer = Duration.FromMicroseconds(200);
    private static readonly Duration PodNetwork = Duration.FromMicroseconds(300);
    private static readonly Duration Service = Duration.FromMilliseconds(10);
    private static readonly RequestCostsSpec Costs = new();

    private static PathScenario NewConnectionPerRequest(string tls, int replicas = 2, int clients = 1000, string resumption = "0%") => new()
    {
        Duration = "5s",
        Rate = "{constant: 20/s}", // ~100 requests, far apart: no queueing anywhere
        Tls = tls,
        Resumption = resumption,
        RequestsPerConnection = 1,
        Clients = clients,
        Rtt = "20ms",
        LoadBalancerLatency = "200us",
        PodNetworkLatency = "300us",
        ServiceTime = "{deterministic: 10ms}",
        ControllerReplicas = replicas,
        // No upstream keep-alive: every request pays the TCP connect to the pod (one extra pod round trip).
        ControllerExtras = ["upstreamKeepAlive: {connections: 0}"],
    };

    /// <summary>Everything but the client's handshake round trips and the replica's handshake CPU.</summary>
    private static Duration WithoutHandshake =>
        Rtt                       // request there and response back (half an RTT each way)
        + LoadBalancer * 2        // through the LB both ways
        + Costs.Request           // replica CPU for routing and proxying
        + PodNetwork * 3          // TCP connect to the pod (1 round trip), then the request
        + Service
        + PodNetwork;             // response back to the replica

    private static double Ms(Duration d) => d.Nanoseconds / (double)Duration.NanosPerMillisecond;

    private static void AssertEveryRequestTook(RunResult result, Duration expected)
    {
        Assert.True(result.Requests >= 60, $"only {result.Requests} requests");
        Assert.Equal(result.Requests, result.Statuses[ResponseStatus.Ok2xx]);
        Assert.Equal(Ms(expected), result.Latency.MaxMs, 9);
        Assert.Equal(Ms(expected), result.Latency.MeanMs, 9);
    }

    [Theory]
    [InlineData("none", 1, false)]
    [InlineData("1.3", 2, true)]
    [InlineData("1.2", 3, true)]
    public void Latency_NewConnectionPerRequest_IsTheHandshakeRoundTripsPlusServerCpu(string tls, int handshakeRoundTrips, bool tlsCpu)
    {
        var (result, _, run) = PathRuns.ExecuteRun(NewConnectionPerRequest(tls).Load());

        var expected = WithoutHandshake + Rtt * handshakeRoundTrips + (tlsCpu ? Costs.TlsFullHandshake : Duration.Zero);
        AssertEveryRequestTook(result, expected);
        // Every request started opened its own connection (those still in flight at the end too).
        var series = result.Series(PathScenario.ServiceSeries);
        Assert.Equal(run.Path!.Started, series.NewConnections);
        Assert.Equal(tlsCpu ? run.Path.Started : 0, series.TlsFullHandshakes);
    }

    [Fact]
    public void Latency_Tls12VersusTls13VersusNone_DiffersByOneRttPerExtraRoundTrip()
    {
        double none = PathRuns.Execute(NewConnectionPerRequest("none").Load()).Result.Latency.MeanMs;
        double tls13 = PathRuns.Execute(NewConnectionPerRequest("1.3").Load()).Result.Latency.MeanMs;
        double tls12 = PathRuns.Execute(NewConnectionPerRequest("1.2").Load()).Result.Latency.MeanMs;

        Assert.Equal(Ms(Rtt + Costs.TlsFullHandshake), tls13 - none, 9);
        Assert.Equal(Ms(Rtt), tls12 - tls13, 9);
    }

    /// <summary>
    /// One client and one replica: the first connection does a full handshake and stores its session;
    /// every later one resumes from the replica's cache in 1 RTT (TLS 1.2 saves a round trip, TLS 1.3
    /// none) with the resumed-handshake CPU.
    /// </summary>
    [Theory]
    [InlineData("1.2", 2)]
    [InlineData("1.3", 1)]
    public void Latency_ResumedSessions_CostOneRttAndTheResumedCpu(string tls, int fullTlsRoundTrips)
    {
        var (result, _, run) = PathRuns.ExecuteRun(NewConnectionPerRequest(tls, replicas: 1, clients: 1, resumption: "100%").Load());

        var series = result.Series(PathScenario.ServiceSeries);
        Assert.Equal(1, series.TlsFullHandshakes);
        Assert.Equal(run.Path!.Started - 1, series.TlsResumedHandshakes);
        var full = WithoutHandshake + Rtt * (1 + fullTlsRoundTrips) + Costs.TlsFullHandshake;
        var resumed = WithoutHandshake + Rtt * 2 + Costs.TlsResumedHandshake;
        Assert.Equal(Ms(full), result.Latency.MaxMs, 9);
        double expectedMean = (Ms(full) + (result.Requests - 1) * Ms(resumed)) / result.Requests;
        Assert.Equal(expectedMean, result.Latency.MeanMs, 9);
    }
}

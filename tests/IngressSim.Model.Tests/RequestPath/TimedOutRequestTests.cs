using IngressSim.Scenarios.Loading;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// A client that gives up closes its own connection — never another client's. (A request timing out
/// during its handshake, before it had a connection, once closed connection slot 0, whoever held it;
/// with two sources of different sizes a slot reused across them then indexed past the smaller one.)
/// </summary>
public class TimedOutRequestTests
{
    private const string Scenario = """
        apiVersion: ingresssim.dev/v1alpha1
        kind: Scenario
        metadata: {name: timeouts-in-handshakes}
        spec:
          duration: 30s
          traffic:
            sources:
              - {name: steady, host: a.example.com, rate: {constant: 2/s}, clients: 1, rtt: 20ms}
              - {name: impatient, host: b.example.com, rate: {constant: 100/s}, clients: 20000, rtt: 60ms, timeout: 80ms, tls: {version: "1.3"}}
          cluster:
            controllers: [{name: ingress-nginx, defaultClass: true, replicas: 2}]
            fleets:
              - {name: a, count: 1, serviceName: "a-{i}", host: a.example.com, replicas: 2}
              - {name: b, count: 1, serviceName: "b-{i}", host: b.example.com, replicas: 2}
        """;

    [Fact]
    public void Execute_OthersTimingOutInTheirHandshakes_LeaveAKeepAliveConnectionAlone()
    {
        var loaded = ScenarioLoader.LoadText(Scenario, "timeouts.yaml");
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var (result, _, run) = PathRuns.ExecuteRun(loaded.Scenario!);

        // Every impatient request gives up during its 150 ms handshake (TCP 1.5 RTT + TLS 1.3's round trip).
        Assert.True(result.Series("default/b-1").Statuses[Metrics.ResponseStatus.ClientTimeout] > 2_500);
        // The steady client keeps its keep-alive connections: alone it opens 8 for ~60 requests (a new one when
        // a request finds its connection busy); with the bug, every neighbour's timeout closed it (67).
        var steady = result.Series("default/a-1");
        Assert.True(steady.Requests > 40);
        Assert.InRange(steady.NewConnections, 1, 10);
        Assert.Equal(run.Path!.Started, run.Path.Finished + run.Path.InFlight);
    }
}

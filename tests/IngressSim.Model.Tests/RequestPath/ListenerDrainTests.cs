using System.Globalization;
using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// Envoy (Contour) applies configuration over xDS without a reload (MODEL_FACTS §3): only an LDS update
/// that replaces a filter chain — here a renewed certificate — drains connections, and WebSockets on the
/// old chain are cut when the drain time ends (Contour #499). Route and endpoint changes cut nothing.
/// </summary>
public class ListenerDrainTests
{
    private static readonly Duration DrainTime = Duration.FromSeconds(60);

    /// <summary>About ten long WebSocket sessions over TLS opened in the first 5 s, then silence; one Envoy replica.</summary>
    private static PathScenario Sessions(string duration, params string[] timeline) => new()
    {
        ControllerKind = "envoy",
        ControllerReplicas = 1,
        Tls = "1.3",
        Duration = duration,
        Window = "10s",
        Rate = "{steps: [{at: 0s, rate: 2/s}, {at: 5s, rate: 0/s}]}",
        RequestsPerConnection = 1,
        WebSocket = "share: 100%, lifetime: {exponential: {mean: 1d}}",
        ControllerExtras = ["envoy: {drainTime: 60s, streamIdleTimeout: 7d}"],
        Timeline = timeline,
    };

    private const string Renewal = "{at: 10s, renewCertificate: {ingress: shop}}";

    private static TimelineEvent? Drain(RunResult result) =>
        result.Timeline.Where(e => e.Kind == "xds" && e.Detail.StartsWith("listener drain", StringComparison.Ordinal)).Cast<TimelineEvent?>().SingleOrDefault();

    private static string Ns(Instant at) => at.Nanoseconds.ToString(CultureInfo.InvariantCulture) + "ns";

    [Fact]
    public void Execute_CertificateRenewal_CutsWebSocketsAtExactlyAppliedPlusDrainTime()
    {
        var (whole, _) = PathRuns.Execute(Sessions("5m", Renewal).Load());
        var drain = Drain(whole) ?? throw new InvalidOperationException("no listener drain in the timeline");
        long cut = whole.WebSockets.ListenerDrain;
        Assert.True(cut >= 5, $"{whole.WebSockets}");
        Assert.Contains($"; {cut} WebSockets among them", drain.Detail); // lifetimes of a day: all still open at the end

        // The run stops before the events at its end instant: up to the drain end nothing is cut, one ns later all are.
        var drainEnds = drain.At + DrainTime;
        var (before, _) = PathRuns.Execute(Sessions(Ns(drainEnds), Renewal).Load());
        var (after, _) = PathRuns.Execute(Sessions(Ns(drainEnds + Duration.FromNanoseconds(1)), Renewal).Load());
        Assert.Equal(0, before.WebSockets.ListenerDrain);
        Assert.Equal(cut, after.WebSockets.ListenerDrain);
    }

    [Fact]
    public void Execute_RouteAndEndpointChanges_NeverCutAnything()
    {
        var (result, _, run) = PathRuns.ExecuteRun(Sessions("5m",
            "{at: 10s, touchIngress: {ingress: shop}}", "{at: 20s, scale: {deployment: shop, replicas: 5}}").Load());
        var xds = result.Timeline.Where(e => e.Kind == "xds").Select(e => e.Detail).ToList();
        Assert.Contains(xds, d => d.StartsWith("Route", StringComparison.Ordinal));
        Assert.Contains(xds, d => d.StartsWith("Endpoint", StringComparison.Ordinal));
        Assert.Equal(5, run.Cluster.Controllers[0].Endpoints(0).Ids.Length); // the scale-up reached Envoy through EDS
        Assert.DoesNotContain(xds, d => d.StartsWith("Listener", StringComparison.Ordinal) || d.StartsWith("listener", StringComparison.Ordinal));
        Assert.Equal(new WebSocketCounts(result.WebSockets.Completed, 0, 0, 0, 0), result.WebSockets);
        Assert.Equal(0, result.Statuses[ResponseStatus.ConnectionReset]);
    }

    [Fact]
    public void Execute_RouteChangeAndRenewalTogether_SendLdsThenRds_EachAfterThePrevious()
    {
        var (result, _) = PathRuns.Execute(Sessions("30s", "{at: 10s, touchIngress: {ingress: shop}}", Renewal).Load());
        var steps = result.Timeline.Where(e => e.Kind == "xds" && char.IsUpper(e.Detail[0])).ToList();
        Assert.Equal(["Listener ×1, 2.2 ms", "Route ×1, 2.2 ms"], steps.Select(e => e.Detail));
        // UpdateBase 2 ms + 250 µs × 1 resource (the schema defaults) per response, one after the other.
        Assert.Equal(Duration.FromMicroseconds(2250), steps[1].At - steps[0].At);
        // The drain starts when the listener update is applied, i.e. when the RDS response starts.
        Assert.Equal(steps[1].At, Drain(result)!.Value.At);
    }

    [Fact]
    public void Execute_StateOfTheWorld_RdsAndLdsCarryEveryRouteAndFilterChain()
    {
        // Two more Ingresses of the class: an edit of one still sends all three routes, a renewal all three chains.
        var scenario = Sessions("30s", "{at: 10s, touchIngress: {ingress: shop}}", "{at: 20s, renewCertificate: {ingress: shop}}") with
        {
            ExtraManifests = string.Join("\n---\n", new[] { "a", "b" }.Select(name => $$$"""
                apiVersion: networking.k8s.io/v1
                kind: Ingress
                metadata: {name: {{{name}}}, namespace: default}
                spec:
                  ingressClassName: ingress-nginx
                  rules:
                    - host: {{{name}}}.example.com
                      http:
                        paths:
                          - path: /
                            pathType: Prefix
                            backend: {service: {name: shop, port: {number: 80} } }
                """)),
        };
        var (result, _) = PathRuns.Execute(scenario.Load());
        var steps = result.Timeline.Where(e => e.Kind == "xds" && char.IsUpper(e.Detail[0])).Select(e => e.Detail).ToList();
        Assert.Equal(["Route ×3, 2.8 ms", "Listener ×3, 2.8 ms"], steps);
    }

    [Fact]
    public void Renewal_UpgradesInFlightAtTheDrain_AreCutAtItsEndToo()
    {
        // Clients stop at 9.9 s, so every connection is accepted (~75 ms after it is sent) before the renewal's
        // LDS applies at ~10 s, and those sent after ~9.82 s still await their upgrade's answer (~185 ms):
        // they become sessions on the draining chain, so the drain's end (70 s) cuts them like the rest.
        var scenario = new PathScenario
        {
            ControllerKind = "envoy", ControllerReplicas = 1, Tls = "1.3", Duration = "90s", Window = "10s",
            Rate = "{steps: [{at: 0s, rate: 200/s}, {at: 9900ms, rate: 0/s}]}",
            RequestsPerConnection = 1, Rtt = "50ms",
            WebSocket = "share: 100%, lifetime: {exponential: {mean: 1d}}",
            ControllerExtras = ["envoy: {drainTime: 60s, streamIdleTimeout: 7d}"],
            Timeline = ["{at: 10s, renewCertificate: {ingress: shop}}"],
        };
        var (result, _, run) = PathRuns.ExecuteRun(scenario.Load());

        Assert.Equal(0, run.Path!.Connections.OpenCount);
        Assert.True(result.WebSockets.ListenerDrain > 1000, $"{result.WebSockets}");
    }
}

using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// Random small request-path scenarios for the properties: seed, rate, run length, window (so the
/// run stops at random instants), keep-alive, TLS, RTT and hop latencies, client timeout and retry
/// policy, controller and pod sizing, service times. At most a few thousand requests each. Times are
/// whole microseconds so half an RTT is exact.
/// </summary>
public static class PathScenarioGen
{
    private static string Us(int microseconds) => microseconds.ToString(CultureInfo.InvariantCulture) + "us";

    private static readonly Gen<string?> Retry =
        Gen.Frequency(
            (1, Gen.Constant<string?>(null)),
            (2, from count in Gen.Choose(0, 3)
                from backoffUs in Gen.Choose(0, 200_000)
                from multiplier in Gen.Elements("1", "1.5", "2")
                from onStatus in Gen.Elements("[502, 503, 504]", "[]", "[503]")
                select (string?)$"count: {count}, backoff: {Us(backoffUs)}, multiplier: {multiplier}, onStatus: {onStatus}"));

    private static readonly Gen<string> ServiceTime =
        Gen.OneOf(
            Gen.Choose(200, 50_000).Select(us => $"{{exponential: {{mean: {Us(us)}}}}}"),
            Gen.Choose(0, 50_000).Select(us => $"{{deterministic: {Us(us)}}}"),
            Gen.Choose(500, 20_000).Select(us => $"{{lognormal: {{median: {Us(us)}, p99: {Us(us * 8)}}}}}"));

    /// <summary>A scenario whose pods may be too few, too slow or absent, and whose clients may give up.</summary>
    public static readonly Gen<PathScenario> Any =
        from seed in Gen.Choose(1, 1_000_000)
        from durationMs in Gen.Choose(200, 3000)
        from windowMs in Gen.Choose(50, 1000)
        from ratePerSecond in Gen.Choose(20, 1500)
        from clients in Gen.Choose(1, 500)
        from requestsPerConnection in Gen.Elements(1, 2, 10, 100)
        from idleUs in Gen.Choose(0, 2_000_000)
        from tls in Gen.Elements("none", "1.2", "1.3")
        from resumption in Gen.Elements("0%", "50%", "100%")
        from rttUs in Gen.Choose(0, 40_000)
        from timeoutUs in Gen.Choose(1_000, 1_000_000)
        from retry in Retry
        from lbUs in Gen.Choose(0, 1000)
        from podNetUs in Gen.Choose(0, 2000)
        from replicas in Gen.Choose(1, 3)
        from cpu in Gen.Elements("100m", "500m", "1", "2")
        from pods in Gen.Choose(0, 3)
        from concurrency in Gen.Choose(1, 8)
        from serviceTime in ServiceTime
        select new PathScenario
        {
            Seed = seed,
            Duration = $"{durationMs}ms",
            Window = $"{windowMs}ms",
            Rate = $"{{constant: {ratePerSecond}/s}}",
            Clients = clients,
            RequestsPerConnection = requestsPerConnection,
            IdleTimeout = Us(idleUs),
            Tls = tls,
            Resumption = resumption,
            Rtt = Us(rttUs),
            Timeout = Us(timeoutUs),
            Retry = retry,
            LoadBalancerLatency = Us(lbUs),
            PodNetworkLatency = Us(podNetUs),
            ControllerReplicas = replicas,
            ControllerCpu = cpu,
            PodReplicas = pods,
            Concurrency = concurrency,
            ServiceTime = serviceTime,
        };

    private static Gen<string> TimelineEvent(PathScenario s, int durationMs) =>
        from atMs in Gen.Choose(0, durationMs - 1)
        from action in Gen.OneOf(
            from replica in Gen.Choose(0, s.ControllerReplicas - 1)
            from restartMs in Gen.Choose(0, 2000)
            select $"crashController: {{controller: ingress-nginx, replica: {replica}, restartAfter: {restartMs}ms}}",
            Gen.Constant("crashPod: {service: shop, count: 1}"),
            Gen.Choose(0, 4).Select(n => $"scale: {{deployment: shop, replicas: {n}}}"),
            Gen.Elements("true", "false").Select(touch => $"deploy: {{service: shop, touchIngress: {touch}}}"),
            Gen.Constant("touchIngress: {ingress: default/shop}"),
            Gen.Constant("renewCertificate: {ingress: shop}"),
            from node in Gen.Choose(0, 2)
            from recoverMs in Gen.Choose(100, 2000)
            select $"loseNode: {{node: {node}, recoverAfter: {recoverMs}ms}}",
            Gen.Choose(0, 1500).Select(rate => $"traffic: {{source: clients, rate: {{constant: {rate}/s}}}}"))
        select $"{{at: {atMs}ms, {action}}}";

    /// <summary>
    /// <see cref="Any"/> on nginx or Envoy plus up to four timeline events (controller and pod crashes, scaling,
    /// deploys, Ingress touches that reload nginx, certificate renewals that drain Envoy listeners, node loss,
    /// traffic changes) at random instants, and sometimes a preStop sleep on the pods.
    /// </summary>
    public static readonly Gen<PathScenario> AnyWithTimeline =
        from s in Any
        from pods in Gen.Choose(1, 3)
        from durationMs in Gen.Choose(1000, 3000)
        from envoy in Gen.Elements(false, true)
        let withPods = s with
        {
            PodReplicas = pods, Duration = $"{durationMs}ms",
            // Envoy with a drain shorter than the run, so a renewed certificate's drain also ends in it.
            ControllerKind = envoy ? "envoy" : "nginx", ControllerExtras = envoy ? ["envoy: {drainTime: 500ms}"] : [],
        }
        from count in Gen.Choose(1, 4)
        from events in Gen.ArrayOf(TimelineEvent(withPods, durationMs), count)
        from preStopMs in Gen.Elements(0, 0, 300, 1500)
        select withPods with { Timeline = events, WorkloadExtras = preStopMs == 0 ? [] : [$"preStopSleep: {preStopMs}ms"] };

    /// <summary>Scenarios where most requests succeed (pods present, patient clients), so a bound on 2xx latency is tested on many requests.</summary>
    public static readonly Gen<PathScenario> MostlySuccessful =
        from s in Any
        from pods in Gen.Choose(1, 3)
        from timeoutMs in Gen.Choose(1000, 5000)
        select s with { PodReplicas = pods, Timeout = $"{timeoutMs}ms" };
}

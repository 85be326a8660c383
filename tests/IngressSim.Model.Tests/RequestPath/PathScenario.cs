using System.Globalization;
using System.Text;
using IngressSim.Engine.Events;
using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;
using IngressSim.Model.Running;
using IngressSim.Scenarios.Loading;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// A small scenario for request-path tests: one traffic source to one host, one controller, one
/// Service "shop" behind an Ingress. Every knob the tests vary is a field; <see cref="ToYaml"/> writes
/// the scenario the way a user would, so the tests go through the real loader and cluster builder.
/// </summary>
public sealed record PathScenario
{
    public const string Host = "shop.example.com";
    public const string ServiceSeries = "default/shop";

    public long Seed { get; init; } = 7;
    public string Duration { get; init; } = "3s";
    public string Window { get; init; } = "1s";
    public string Rate { get; init; } = "{constant: 200/s}";
    public string RequestHost { get; init; } = Host;
    public int Clients { get; init; } = 1000;
    public int RequestsPerConnection { get; init; } = 100;
    public string IdleTimeout { get; init; } = "60s";
    public string Tls { get; init; } = "none";
    public string Resumption { get; init; } = "0%";
    public string Rtt { get; init; } = "20ms";
    public string Timeout { get; init; } = "30s";
    /// <summary>The retry block's inside, e.g. <c>count: 2, backoff: 100ms</c>; null = no retries.</summary>
    public string? Retry { get; init; }
    public string LoadBalancerLatency { get; init; } = "200us";
    public string PodNetworkLatency { get; init; } = "200us";
    public string ControllerKind { get; init; } = "nginx";
    public int ControllerReplicas { get; init; } = 2;
    public string ControllerCpu { get; init; } = "2";
    /// <summary>Extra controller fields, one flow-mapping entry each (e.g. <c>upstreamKeepAlive: {connections: 0}</c>).</summary>
    public IReadOnlyList<string> ControllerExtras { get; init; } = [];
    public int PodReplicas { get; init; } = 3;
    public string ServiceTime { get; init; } = "{exponential: {mean: 10ms}}";
    public int Concurrency { get; init; } = 8;
    /// <summary>Extra workload fields, one flow-mapping entry each (e.g. <c>preStopSleep: 5s</c>).</summary>
    public IReadOnlyList<string> WorkloadExtras { get; init; } = [];
    /// <summary>Whether an Ingress routes the host to the Service.</summary>
    public bool WithIngress { get; init; } = true;
    /// <summary>Timeline events, one flow mapping each (e.g. <c>{at: 1s, crashPod: {service: shop}}</c>).</summary>
    public IReadOnlyList<string> Timeline { get; init; } = [];
    /// <summary>Raw YAML placed under <c>spec.variants</c> (indented by the caller's own lines), or null.</summary>
    public string? Variants { get; init; }

    /// <summary>Annotations of the Ingress, one "key: value" line.</summary>
    public string? IngressAnnotations { get; init; }

    public string KubeProxyMode { get; init; } = "iptables";

    /// <summary>The source's webSocket block (share, lifetime, messageInterval), or none.</summary>
    public string? WebSocket { get; init; }

    /// <summary>The source's visits block's inside (requests, thinkTime), or none.</summary>
    public string? Visits { get; init; }

    /// <summary>More Kubernetes documents for the inline manifests block (e.g. a NetworkPolicy).</summary>
    public string? ExtraManifests { get; init; }

    public string ToYaml()
    {
        var controllerExtras = string.Concat(ControllerExtras.Select(e => $"\n        {e}"));
        var workloadExtras = string.Concat(WorkloadExtras.Select(e => $"\n        {e}"));
        var retry = Retry is null ? "" : $"\n        retry: {{{Retry}}}";
        var webSocket = WebSocket is null ? "" : $"\n        webSocket: {{{WebSocket}}}";
        var visits = Visits is null ? "" : $"\n        visits: {{{Visits}}}";
        var annotations = IngressAnnotations is null ? "" : $", annotations: {{{IngressAnnotations}}}";
        var ingress = !WithIngress ? "" : $$$"""

              ---
              apiVersion: networking.k8s.io/v1
              kind: Ingress
              metadata: {name: shop, namespace: default{{{annotations}}}}
              spec:
                ingressClassName: ingress-nginx
                tls: [{hosts: [{{{Host}}}], secretName: shop-tls}]
                rules:
                  - host: {{{Host}}}
                    http:
                      paths:
                        - path: /
                          pathType: Prefix
                          backend: {service: {name: shop, port: {number: 80} } }
        """;
        var extra = ExtraManifests is null ? "" :
            "\n      ---" + string.Concat(ExtraManifests.TrimEnd().Split('\n').Select(line => "\n      " + line));
        var timeline = Timeline.Count == 0 ? "" : "\n  timeline:" + string.Concat(Timeline.Select(e => "\n    - " + e));
        var variants = (Variants is null ? "" : "\n  variants:\n" + Variants) + timeline;
        return $$$"""
        apiVersion: ingresssim.dev/v1alpha1
        kind: Scenario
        metadata: {name: path-test}
        spec:
          seed: {{{Seed.ToString(CultureInfo.InvariantCulture)}}}
          duration: {{{Duration}}}
          window: {{{Window}}}
          traffic:
            sources:
              - name: clients
                host: {{{RequestHost}}}
                rate: {{{Rate}}}
                clients: {{{Clients.ToString(CultureInfo.InvariantCulture)}}}
                keepAlive: {requestsPerConnection: {{{RequestsPerConnection.ToString(CultureInfo.InvariantCulture)}}}, idleTimeout: {{{IdleTimeout}}}}
                tls: {version: "{{{Tls}}}", resumption: {{{Resumption}}}}
                rtt: {{{Rtt}}}
                timeout: {{{Timeout}}}{{{retry}}}{{{webSocket}}}{{{visits}}}
          cluster:
            podNetworkLatency: {{{PodNetworkLatency}}}
            kubeProxy: {mode: {{{KubeProxyMode}}}}
            loadBalancer: {latency: {{{LoadBalancerLatency}}}}
            controllers:
              - name: ingress-nginx
                kind: {{{ControllerKind}}}
                replicas: {{{ControllerReplicas.ToString(CultureInfo.InvariantCulture)}}}
                cpu: "{{{ControllerCpu}}}"{{{controllerExtras}}}
            manifests: |
              apiVersion: v1
              kind: Service
              metadata: {name: shop, namespace: default}
              spec:
                selector: {app: shop}
                ports: [{port: 80, targetPort: 8080}]
              ---
              apiVersion: apps/v1
              kind: Deployment
              metadata: {name: shop, namespace: default}
              spec:
                replicas: {{{PodReplicas.ToString(CultureInfo.InvariantCulture)}}}
                selector: {matchLabels: {app: shop}}
                template:
                  metadata: {labels: {app: shop}}
                  spec:
                    containers:
                      - name: shop
                        resources: {requests: {cpu: 250m}}{{{ingress}}}{{{extra}}}
            workloads:
              shop:
                serviceTime: {{{ServiceTime}}}
                concurrency: {{{Concurrency.ToString(CultureInfo.InvariantCulture)}}}{{{workloadExtras}}}{{{variants}}}
        """;
    }

    /// <summary>Loads the scenario (optionally a variant); fails the test with every diagnostic when it does not load.</summary>
    public LoadedScenario Load(string? variant = null)
    {
        var yaml = ToYaml();
        var result = ScenarioLoader.LoadText(yaml, "/virtual/path-test.yaml", new ScenarioLoadOptions { Variant = variant });
        if (result.Scenario is null || result.Diagnostics.Any(d => d.Severity == Kubernetes.Diagnostics.Severity.Error))
            throw new InvalidOperationException("scenario did not load:\n" + string.Join("\n", result.Diagnostics) + "\n---\n" + yaml);
        return result.Scenario;
    }

    public static string Ms(double milliseconds) => milliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
}

/// <summary>Keeps every window row, with every field, in order.</summary>
public sealed class RowCollector : IWindowSink
{
    public List<SeriesWindow> Rows { get; } = [];

    public void Write(in SeriesWindow row) => Rows.Add(row);

    /// <summary>The rows as text, every field written out (Instants in ns, doubles round-trippable), for exact comparison.</summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        foreach (var row in Rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"{row.Start.Nanoseconds} {row.End.Nanoseconds} {row.Series} {Latency(row.Latency)} ");
            text.Append(Statuses(row.Statuses));
            text.Append(CultureInfo.InvariantCulture, $" {row.Retries} {row.NewConnections} {row.TlsFullHandshakes} {row.TlsResumedHandshakes} ");
            foreach (var gauge in Gauges.All) text.Append(CultureInfo.InvariantCulture, $"{row.Gauges[gauge]:R},");
            text.Append('\n');
        }
        return text.ToString();
    }

    public static string Statuses(in StatusCounts counts)
    {
        var text = new StringBuilder();
        foreach (var status in ResponseStatuses.All) text.Append(CultureInfo.InvariantCulture, $"{counts[status]},");
        return text.ToString();
    }

    /// <summary>Every figure of a run's result except the wall-clock time, as text (lists element by element).</summary>
    public static string Summary(RunResult r)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{r.Run} {r.SimulatedSeconds:R} {r.Events} {r.WindowSeconds:R} {Statuses(r.Statuses)} {r.Retries} {Latency(r.Latency)}\n");
        text.Append(CultureInfo.InvariantCulture, $"cdf {string.Join(' ', r.LatencyCdf.Select(c => $"{c.LatencyMs:R}:{c.Fraction:R}"))}\n");
        text.Append(CultureInfo.InvariantCulture, $"reloads {r.Reloads} dropped {r.ReloadsDropped} log {string.Join(' ', r.ReloadLog)}\n");
        foreach (var phase in r.Phases)
            text.Append(CultureInfo.InvariantCulture, $"phase {phase.Name} {phase.StartSeconds:R}-{phase.EndSeconds:R} {Statuses(phase.Statuses)} {Latency(phase.Latency)} {phase.Reloads} {string.Join(' ', phase.LatencyCdf)}\n");
        foreach (var series in r.Series)
            text.Append(CultureInfo.InvariantCulture, $"series {series.Name} {Statuses(series.Statuses)} {Latency(series.Latency)} {series.Retries} {series.NewConnections} {series.TlsFullHandshakes} {series.TlsResumedHandshakes}\n");
        foreach (var w in r.Windows)
            text.Append(CultureInfo.InvariantCulture, $"window {w.StartSeconds:R}-{w.EndSeconds:R} {Statuses(w.Statuses)} {Latency(w.Latency)} {w.Reloads}\n");
        text.Append(CultureInfo.InvariantCulture, $"timeline {string.Join(' ', r.Timeline)} dropped {r.TimelineDropped}\n");
        return text.ToString();
    }

    public static string Latency(LatencySummary l) =>
        string.Create(CultureInfo.InvariantCulture, $"{l.Count}/{l.MeanMs:R}/{l.P50Ms:R}/{l.P95Ms:R}/{l.P99Ms:R}/{l.P999Ms:R}/{l.MaxMs:R}");
}

/// <summary>Records the instant and source of every client arrival (request-path events of kind 0).</summary>
public sealed class ArrivalRecorder : IEventObserver
{
    private const int ArrivalKind = 0;

    public List<(long Nanoseconds, long Source)> Arrivals { get; } = [];

    public void OnEvent(Instant time, long sequence, int priority, IEventHandler handler, int kind, long arg)
    {
        if (kind == ArrivalKind && handler is Pipeline.RequestPath) Arrivals.Add((time.Nanoseconds, arg));
    }
}

/// <summary>
/// Every response delivered to a client that still waits for it: the observer sees the delivery event
/// before the request path handles it and reads the exchange (intended start, status, attempt), so each
/// latency is exact — no histogram bucket in between.
/// </summary>
public sealed class DeliveredResponses : IEventObserver
{
    private const int KindDelivered = 3; // RequestPath's event kind for a response reaching the client

    public readonly record struct Delivery(ResponseStatus Status, int Attempt, Duration Latency);

    public List<Delivery> Deliveries { get; } = [];

    public void OnEvent(Instant time, long sequence, int priority, IEventHandler handler, int kind, long arg)
    {
        if (kind != KindDelivered || handler is not Pipeline.RequestPath path) return;
        if (!path.Exchanges.TryResolve(arg, out int slot)) return;
        ref var e = ref path.Exchanges[slot];
        if (!e.ClientGone) Deliveries.Add(new Delivery(e.Status, e.Attempt, time - e.IntendedStart));
    }
}

public static class PathRuns
{
    /// <summary>Runs to the end, observing every delivered response.</summary>
    public static (RunResult Result, List<DeliveredResponses.Delivery> Deliveries, ScenarioRun Run) ExecuteObserved(LoadedScenario scenario)
    {
        var run = new ScenarioRun(scenario);
        var observer = new DeliveredResponses();
        run.Simulation.Observer = observer;
        var result = run.Execute(new RowCollector());
        return (result, observer.Deliveries, run);
    }

    public static (RunResult Result, RowCollector Rows) Execute(LoadedScenario scenario, ulong? seed = null)
    {
        var (result, rows, _) = ExecuteRun(scenario, seed);
        return (result, rows);
    }

    /// <summary>Runs to the end and also returns the run, whose request path holds the started/finished/in-flight counts.</summary>
    public static (RunResult Result, RowCollector Rows, ScenarioRun Run) ExecuteRun(LoadedScenario scenario, ulong? seed = null)
    {
        var rows = new RowCollector();
        var run = new ScenarioRun(scenario, seed);
        var result = run.Execute(rows);
        return (result, rows, run);
    }

    public static SeriesResult Series(this RunResult result, string name) =>
        result.Series.Single(s => s.Name == name);
}

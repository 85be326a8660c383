using System.Text.Json.Serialization;
using IngressSim.Engine.Time;
using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Units;

namespace IngressSim.Scenarios.Cluster;

public enum ControllerKind { Nginx, Envoy }

public enum LoadBalanceAlgorithm
{
    [JsonStringEnumMemberName("round_robin")] RoundRobin,
    [JsonStringEnumMemberName("ewma")] Ewma,
}

/// <summary>
/// One ingress controller deployment (ingress-nginx, or an Envoy-based one such as Contour) and
/// the IngressClass it serves. Settings common to both data planes are here; reload and xDS
/// mechanics are in <see cref="Nginx"/> and <see cref="Envoy"/>, so a variant can switch
/// <c>kind</c> and keep everything else.
/// </summary>
public sealed record ControllerSpec
{
    public required string Name { get; init; }
    public ControllerKind Kind { get; init; } = ControllerKind.Nginx;

    /// <summary>The IngressClass this controller serves; default: the controller's name.</summary>
    public string? IngressClass { get; init; }

    /// <summary>Whether its IngressClass is the cluster default (serves Ingresses with no class).</summary>
    public bool DefaultClass { get; init; }

    /// <summary>Namespace the controller pods run in (NetworkPolicy checks).</summary>
    public string Namespace { get; init; } = "ingress-nginx";

    [Limits("1", "1000")] public required int Replicas { get; init; }

    /// <summary>Whether replicas are spread over nodes by pod anti-affinity (else a node loss can take several).</summary>
    public bool AntiAffinity { get; init; }

    /// <summary>CPU per replica. Input (sizing choice).</summary>
    [Limits("100m", "256")] public CpuQuantity Cpu { get; init; } = CpuQuantity.FromCores(2);

    /// <summary>Worker processes per replica; absent = one per core (MODEL_FACTS §2: worker-processes = CPUs).</summary>
    [Limits("1", "256")] public int? Workers { get; init; }

    /// <summary>
    /// The container's memory limit: when nginx's memory (<see cref="ReloadCostSpec"/>) exceeds it, the kubelet
    /// OOM-kills the replica and restarts it; absent = no limit. Only nginx memory is modelled (Envoy replicas never exceed it).
    /// </summary>
    [Limits("1Mi", "1Ti")] public ByteSize? MemoryLimit { get; init; }

    public RequestCostsSpec Costs { get; init; } = new();

    /// <summary>
    /// The user's batching window before applying a config change (the war story's "wait 5 s"); 0 = none.
    /// Envoy batches its DAG rebuilds only: endpoint changes go to EDS at once (MODEL_FACTS §3).
    /// </summary>
    [Limits("0s", "1h")] public Duration BatchWindow { get; init; } = Duration.Zero;

    /// <summary>MODEL_FACTS §2: load-balance round_robin (ewma optional).</summary>
    public LoadBalanceAlgorithm LoadBalance { get; init; } = LoadBalanceAlgorithm.RoundRobin;

    /// <summary>Proxy to the Service ClusterIP (kube-proxy picks the pod; cookie affinity stops pinning). MODEL_FACTS §2.</summary>
    public bool ServiceUpstream { get; init; }

    public ClientKeepAliveSpec ClientKeepAlive { get; init; } = new();
    public UpstreamKeepAliveSpec UpstreamKeepAlive { get; init; } = new();
    public TlsSessionCacheSpec TlsSessionCache { get; init; } = new();

    /// <summary>Per-replica rate limits applied to every route (Ingress annotations can add more); absent = none.</summary>
    public RateLimitSpec? RateLimit { get; init; }

    public NginxSpec Nginx { get; init; } = new();
    public EnvoySpec Envoy { get; init; } = new();

    /// <summary>The IngressClass name this controller serves.</summary>
    [JsonIgnore] public string ClassName => IngressClass ?? Name;
}

/// <summary>CPU time a replica spends per unit of work; the replica queues when its workers are busy.</summary>
public sealed record RequestCostsSpec
{
    /// <summary>Routing and proxying one request. UNCONFIRMED input.</summary>
    [Limits("0s", "1s")] public Duration Request { get; init; } = Duration.FromMicroseconds(100);

    /// <summary>A full TLS handshake. MODEL_FACTS §8: ECDSA P-256 sign 0.022 ms + X25519 0.034 ms ≈ 56 µs.</summary>
    [Limits("0s", "1s")] public Duration TlsFullHandshake { get; init; } = Duration.FromMicroseconds(56);

    /// <summary>A resumed TLS handshake (key exchange only). MODEL_FACTS §8: X25519 ≈ 0.034 ms.</summary>
    [Limits("0s", "1s")] public Duration TlsResumedHandshake { get; init; } = Duration.FromMicroseconds(34);

    /// <summary>Checking a rate limit. MODEL_FACTS §10: rate limiting 0.1–1 ms per request.</summary>
    [Limits("0s", "1s")] public Duration RateLimit { get; init; } = Duration.FromMicroseconds(100);

    /// <summary>A web application firewall per request; 0 = no WAF.</summary>
    [Limits("0s", "1s")] public Duration Waf { get; init; } = Duration.Zero;
}

/// <summary>Client-side keep-alive the controller allows. MODEL_FACTS §2: 75 s, 1000 requests.</summary>
public sealed record ClientKeepAliveSpec
{
    [Limits("0s", "1d")] public Duration Timeout { get; init; } = Duration.FromSeconds(75);
    [Limits("1", "100000000")] public int Requests { get; init; } = 1000;
}

/// <summary>Idle connections to pods kept per worker. MODEL_FACTS §2: 320 per worker, 60 s, 10000 requests.</summary>
public sealed record UpstreamKeepAliveSpec
{
    [Limits("0", "100000")] public int Connections { get; init; } = 320;
    [Limits("0s", "1d")] public Duration Timeout { get; init; } = Duration.FromSeconds(60);
    [Limits("1", "100000000")] public int Requests { get; init; } = 10000;
}

/// <summary>TLS session cache per replica. MODEL_FACTS §8: 10 MB (~40k sessions), 10 min.</summary>
public sealed record TlsSessionCacheSpec
{
    [Limits("0", "10Gi")] public ByteSize Size { get; init; } = new(10L << 20);
    [Limits("0s", "7d")] public Duration Timeout { get; init; } = Duration.FromMinutes(10);
}

/// <summary>
/// Rate limits per replica (the effective limit is × replicas). MODEL_FACTS §2: burst = rps ×
/// limit-burst-multiplier (5), nodelay; 503 by default; order limit-connections → rpm → rps.
/// </summary>
public sealed record RateLimitSpec
{
    public Rate? Rps { get; init; }
    [Limits("1", "100")] public int BurstMultiplier { get; init; } = 5;
    [Limits("1", "10000000")] public int? Connections { get; init; }
    [Limits("100", "599")] public int RequestStatusCode { get; init; } = 503;
    [Limits("100", "599")] public int ConnectionStatusCode { get; init; } = 503;
}

/// <summary>ingress-nginx mechanics: reloads, sync rate limit, worker shutdown, proxy timeouts.</summary>
public sealed record NginxSpec
{
    public ReloadCostSpec Reload { get; init; } = new();

    /// <summary>MODEL_FACTS §1: --sync-rate-limit 0.3/s (token bucket, burst 1).</summary>
    [Limits("0.001/s", "1000/s")] public Rate SyncRateLimit { get; init; } = new(0.3);

    /// <summary>MODEL_FACTS §1: false = dynamic Lua endpoints (since 0.18); true = legacy, endpoint changes reload (the war story).</summary>
    public bool ReloadOnEndpointChange { get; init; }

    /// <summary>MODEL_FACTS §1: Lua BACKENDS_SYNC_INTERVAL 1 s.</summary>
    [Limits("1ms", "1m")] public Duration BackendsSyncInterval { get; init; } = Duration.FromSeconds(1);

    /// <summary>MODEL_FACTS §1: worker-shutdown-timeout 240 s.</summary>
    [Limits("0s", "1d")] public Duration WorkerShutdownTimeout { get; init; } = Duration.FromSeconds(240);

    /// <summary>MODEL_FACTS §1: reuseport default true (an exiting worker's queued SYNs are dropped).</summary>
    public bool Reuseport { get; init; } = true;

    /// <summary>MODEL_FACTS §1: enable-serial-reloads default false.</summary>
    public bool SerialReloads { get; init; }

    public ProxyTimeoutsSpec Proxy { get; init; } = new();
}

/// <summary>Reload duration = base + perItem × config items (Ingresses, paths, upstreams), consuming replica CPU.</summary>
public sealed record ReloadCostSpec
{
    /// <summary>MODEL_FACTS §1: 0.13–0.25 s on small configs.</summary>
    [Limits("0s", "10m")] public Duration Base { get; init; } = Duration.FromMilliseconds(150);

    /// <summary>MODEL_FACTS §1: ~12 s at 100k hosts ⇒ ~120 µs per item.</summary>
    [Limits("0s", "1s")] public Duration PerItem { get; init; } = Duration.FromMicroseconds(120);

    /// <summary>Memory of one worker process, current or draining. MODEL_FACTS §1: 60+ workers ≈ 5 GB.</summary>
    [Limits("0", "100Gi")] public ByteSize MemoryPerWorker { get; init; } = new(80L << 20);

    /// <summary>
    /// Memory of the replica besides its workers: the nginx master and the controller's Go process
    /// (kubernetes-retired/contrib #1718, ingress-nginx's author: ~70 MB master + ~50 MB Go binary). Input.
    /// </summary>
    [Limits("0", "100Gi")] public ByteSize BaseMemory { get; init; } = new(120L << 20);
}

/// <summary>MODEL_FACTS §2: proxy-connect-timeout 5 s, proxy-read/send-timeout 60 s, proxy-next-upstream 3 tries.</summary>
public sealed record ProxyTimeoutsSpec
{
    [Limits("1ms", "1h")] public Duration ConnectTimeout { get; init; } = Duration.FromSeconds(5);
    [Limits("1ms", "7d")] public Duration ReadTimeout { get; init; } = Duration.FromSeconds(60);
    [Limits("1ms", "7d")] public Duration SendTimeout { get; init; } = Duration.FromSeconds(60);
    [Limits("1", "100")] public int NextUpstreamTries { get; init; } = 3;
}

/// <summary>Envoy mechanics (Contour / Envoy Gateway): xDS updates, debounce, listener drain, route timeout.</summary>
public sealed record EnvoySpec
{
    /// <summary>MODEL_FACTS §3: Contour DAG rebuild holdoff 100 ms.</summary>
    [Limits("0s", "1m")] public Duration DebounceHoldoff { get; init; } = Duration.FromMilliseconds(100);

    /// <summary>MODEL_FACTS §3: Contour holdoff max 500 ms.</summary>
    [Limits("0s", "1m")] public Duration DebounceMax { get; init; } = Duration.FromMilliseconds(500);

    /// <summary>MODEL_FACTS §3: --drain-time-s 600 s; an LDS change that replaces filter chains drains their connections this long.</summary>
    [Limits("0s", "1d")] public Duration DrainTime { get; init; } = Duration.FromSeconds(600);

    /// <summary>MODEL_FACTS §3: default route timeout 15 s.</summary>
    [Limits("1ms", "7d")] public Duration RouteTimeout { get; init; } = Duration.FromSeconds(15);

    /// <summary>MODEL_FACTS §3: stream idle timeout 5 min.</summary>
    [Limits("1ms", "7d")] public Duration StreamIdleTimeout { get; init; } = Duration.FromMinutes(5);

    /// <summary>MODEL_FACTS §3: ~43 ns per route for prefix matching (linear in routes).</summary>
    [Limits("0s", "1ms")] public Duration RouteMatchCost { get; init; } = Duration.FromNanoseconds(43);

    /// <summary>Applying one xDS update. MODEL_FACTS §10: xDS update 1–10 ms.</summary>
    [Limits("0s", "10s")] public Duration UpdateBase { get; init; } = Duration.FromMilliseconds(2);

    /// <summary>
    /// Extra cost per resource an xDS response carries — with Contour's state-of-the-world gRPC, every cluster,
    /// filter chain or route of the type, not just the changed ones. MODEL_FACTS §3: ~1 s per update at 4000
    /// Ingresses ⇒ ~250 µs each.
    /// </summary>
    [Limits("0s", "1s")] public Duration UpdatePerResource { get; init; } = Duration.FromMicroseconds(250);
}

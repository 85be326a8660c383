using IngressSim.Engine.Events;
using IngressSim.Engine.Randomness;
using IngressSim.Engine.Stations;
using IngressSim.Model.Controllers.RateLimiting;
using IngressSim.Model.Controllers.Upstreams;
using IngressSim.Model.Tls;
using IngressSim.Model.Workloads;

namespace IngressSim.Model.Controllers;

/// <summary>
/// One controller pod: its worker processes are the servers of a CPU station (MODEL_FACTS §2:
/// worker-processes = CPUs), so when requests need more CPU than the workers have, they queue.
/// It keeps what a real replica keeps for itself: a TLS session cache, upstream keep-alive
/// connections, a balancer per backend and its own rate-limit counters (limits are per replica).
/// </summary>
public sealed class ControllerReplica
{
    private readonly RoundRobinBalancer?[] _balancers;
    private readonly EwmaBalancer?[] _ewma;
    private readonly int[] _balancerVersions;

    public ControllerReplica(Simulation simulation, int id, IngressController controller, int index, int services, IStationListener cpuListener)
    {
        Id = id;
        Controller = controller;
        Index = index;
        Name = $"{controller.Name}-{index}";
        var spec = controller.Spec;
        Cpu = new FifoStation(simulation, controller.Workers, FifoStation.Unbounded, cpuListener, Name);
        TlsSessions = TlsSessionCache.From(spec.TlsSessionCache);
        // MODEL_FACTS §2: the keep-alive pool is per worker; the replica's is all its workers' together.
        UpstreamPool = new UpstreamKeepAlivePool(spec.UpstreamKeepAlive.Connections * controller.Workers, spec.UpstreamKeepAlive.Timeout, spec.UpstreamKeepAlive.Requests);
        RateLimits = spec.RateLimit is { } limits ? RequestRateLimits.From(limits) : null;
        BalancerStream = simulation.Random.For($"controller/{Name}/balancer");
        _balancers = new RoundRobinBalancer?[services];
        _ewma = new EwmaBalancer?[services];
        _balancerVersions = new int[services];
    }

    /// <summary>Index among all replicas of the run.</summary>
    public int Id { get; }
    public IngressController Controller { get; }
    public int Index { get; }
    public string Name { get; }
    public FifoStation Cpu { get; }
    public TlsSessionCache TlsSessions { get; }
    public UpstreamKeepAlivePool UpstreamPool { get; }
    public RequestRateLimits? RateLimits { get; }
    public RandomStream BalancerStream { get; }

    /// <summary>kube-proxy on this replica's node: it picks the pod when nginx proxies to a Service's ClusterIP.</summary>
    public KubeProxy.KubeProxyRules? NodeKubeProxy { get; set; }

    /// <summary>First-packet latency of a new connection through this node's kube-proxy rules (MODEL_FACTS §4).</summary>
    public KubeProxy.FirstPacketLatency? FirstPacket { get; set; }

    /// <summary>The process is up and accepting connections.</summary>
    public bool Alive { get; set; } = true;

    /// <summary>Bumped by each restart: connections made to an earlier incarnation are gone.</summary>
    public int Incarnation { get; set; }

    /// <summary>CPU seconds spent (requests, handshakes, reloads) for utilisation.</summary>
    public double CpuSeconds { get; set; }

    /// <summary>Reloads applied so far; connections remember which one disturbed them.</summary>
    public long ReloadSequence { get; set; }

    /// <summary>Client connections each recent reload has been found to disturb (reset, forced to reconnect), by reload sequence.</summary>
    public Dictionary<long, int> ConnectionsAffectedByReload { get; } = [];

    /// <summary>When the latest reload closed the old workers' listeners (reuseport drops what they held).</summary>
    public Engine.Time.Instant ListenersClosedAt { get; set; }

    /// <summary>Queues <paramref name="cpu"/> of work on the workers, stretched when the replica has less than a core per worker.</summary>
    public void RunOnWorkers(long job, Engine.Time.Duration cpu)
    {
        double speed = Controller.WorkerSpeed;
        Cpu.Arrive(job, speed >= 1 ? cpu : Engine.Time.Duration.FromSecondsRounded(cpu.TotalSeconds / speed));
    }

    /// <summary>
    /// The next endpoint of <paramref name="service"/> by round robin over the endpoints its controller
    /// has configured (MODEL_FACTS §2: load-balance round_robin) — which lag the Service's real ones
    /// until the controller syncs; −1 when it knows none.
    /// </summary>
    public int PickEndpoint(ServiceBackend service, Engine.Time.Instant now)
    {
        var known = Controller.Endpoints(service.Id);
        bool changed = _balancerVersions[service.Id] != known.Version;
        _balancerVersions[service.Id] = known.Version;
        if (Controller.Spec.LoadBalance == Scenarios.Cluster.LoadBalanceAlgorithm.Ewma)
        {
            var ewma = _ewma[service.Id] ??= new EwmaBalancer();
            if (changed) ewma.SetEndpoints(known.Ids, now);
            return ewma.Pick(now, BalancerStream, []);
        }
        var balancer = _balancers[service.Id] ??= new RoundRobinBalancer();
        if (changed) balancer.SetEndpoints(known.Ids, BalancerStream);
        return balancer.Pick();
    }

    /// <summary>A response came back from <paramref name="pod"/> after <paramref name="latency"/> (connect + response): EWMA learns from it.</summary>
    public void ObserveUpstream(int service, int pod, Engine.Time.Duration latency, Engine.Time.Instant now) =>
        _ewma[service]?.Observe(pod, latency, now);

    /// <summary>A reload starts new workers with empty balancer state (MODEL_FACTS §1).</summary>
    public void ResetBalancers()
    {
        Array.Clear(_balancerVersions);
        Array.Clear(_ewma);
    }
}

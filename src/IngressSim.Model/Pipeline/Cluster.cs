using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;
using IngressSim.Model.Controllers;
using IngressSim.Model.Tls;
using IngressSim.Model.Workloads;
using IngressSim.Routing;

namespace IngressSim.Model.Pipeline;

/// <summary>
/// Everything a request can meet, built from a scenario by <see cref="Running.ClusterBuilder"/>:
/// traffic sources, controllers and their replicas behind their load balancers, Services and pods.
/// Components are addressed by dense integer ids so the request path indexes arrays.
/// </summary>
public sealed class Cluster
{
    private readonly Dictionary<BackendTarget, ServiceBackend> _byTarget = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(string Namespace, string Name), ServiceBackend> _byName = [];

    public required IReadOnlyList<TrafficSource> Sources { get; init; }
    public required IReadOnlyList<IngressController> Controllers { get; init; }
    public required IReadOnlyList<ControllerReplica> Replicas { get; init; }
    public required IReadOnlyList<ServiceBackend> Services { get; init; }
    /// <summary>Every pod ever created, by id (a terminated pod keeps its slot so ids stay stable).</summary>
    public required List<Pod> Pods { get; init; }

    /// <summary>Each controller's cloud L4 load balancer, by controller id.</summary>
    public required IReadOnlyList<ControllerLoadBalancer> LoadBalancers { get; init; }

    /// <summary>Connection set-up cost per (traffic source, controller): the client's TLS and the controller's CPU costs.</summary>
    public required IReadOnlyList<HandshakeTimings> Handshakes { get; init; }

    /// <summary>Each controller's stream for weighted routing choices (canary weights, backendRef weights).</summary>
    public required IReadOnlyList<RandomStream> RoutingStreams { get; init; }

    public required Duration PodNetworkLatency { get; init; }
    public required Duration LoadBalancerLatency { get; init; }
    public required Duration LoadBalancerIdleTimeout { get; init; }

    /// <summary>The metrics series: one per Service (same index as the Service), then one for unrouted requests.</summary>
    public required IReadOnlyList<string> SeriesNames { get; init; }

    /// <summary>Ingresses (namespace, name) with their own nginx.ingress.kubernetes.io/proxy-read-timeout.</summary>
    public Dictionary<(string Namespace, string Name), Duration> IngressReadTimeouts { get; } = [];

    public required StationRelay ReplicaCpuRelay { get; init; }
    public required StationRelay PodRelay { get; init; }

    /// <summary>The pod a station belongs to (cold path: work finishing after the proxy gave up on it).</summary>
    public Pod PodOf(Engine.Stations.FifoStation station)
    {
        if (_podByStation.Count != Pods.Count)
            foreach (var pod in Pods) _podByStation.TryAdd(pod.Station, pod);
        return _podByStation[station];
    }

    private readonly Dictionary<Engine.Stations.FifoStation, Pod> _podByStation = new(ReferenceEqualityComparer.Instance);

    public void IndexServices()
    {
        foreach (var s in Services)
        {
            int slash = s.Key.IndexOf('/');
            _byName[(s.Key[..slash], s.Key[(slash + 1)..])] = s;
        }
    }

    /// <summary>
    /// The Service a routed request goes to. The router hands out the same target objects for every
    /// request of a route, so after the first lookup by name this is a reference-equality hit.
    /// </summary>
    public bool TryGetService(BackendTarget target, out ServiceBackend service)
    {
        if (_byTarget.TryGetValue(target, out service!)) return true;
        if (!_byName.TryGetValue((target.Namespace, target.Service), out service!)) return false;
        _byTarget[target] = service;
        return true;
    }
}

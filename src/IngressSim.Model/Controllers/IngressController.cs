using IngressSim.Model.Workloads;
using IngressSim.Routing;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Controllers;

/// <summary>
/// One ingress controller deployment of the scenario: its settings, its compiled view of the
/// Ingresses it serves (the router), and its replicas behind their own cloud load balancer.
/// </summary>
public sealed class IngressController(int id, ControllerSpec spec, Router router)
{
    private readonly List<ControllerReplica> _replicas = [];

    public int Id { get; } = id;
    public ControllerSpec Spec { get; } = spec;
    public string Name => Spec.Name;
    public Router Router { get; set; } = router;
    public IReadOnlyList<ControllerReplica> Replicas => _replicas;

    /// <summary>Worker processes per replica: the spec's, else one per whole core (MODEL_FACTS §2).</summary>
    public int Workers => Spec.Workers ?? Math.Max(1, (int)Math.Round(Spec.Cpu.Cores));

    /// <summary>
    /// The share of a core each worker gets: 1 when there are at least as many cores as workers; below
    /// that the CFS quota stretches every CPU job (a 500m replica does a 1 ms job in 2 ms).
    /// </summary>
    public double WorkerSpeed => Math.Min(1.0, Spec.Cpu.Cores / Workers);

    public void Add(ControllerReplica replica) => _replicas.Add(replica);

    private (int[] Ids, int Version)[] _endpoints = [];

    /// <summary>Services whose pods a NetworkPolicy closes to this controller's namespace: its SYNs to them are dropped.</summary>
    public HashSet<int> DeniedServices { get; } = [];

    /// <summary>Paths (routes) in its configuration: Envoy's route matching is linear in them.</summary>
    public int RouteCount { get; set; }

    /// <summary>The Services its Ingresses route to (only their changes concern it), by id.</summary>
    public HashSet<int> ServedServices { get; } = [];

    /// <summary>Its Ingresses by namespace/name (a touched Ingress concerns only its controller).</summary>
    public HashSet<string> ServedIngresses { get; } = new(StringComparer.Ordinal);

    /// <summary>The endpoints of a Service as this controller has configured them (pod ids), with a version bumped on change.</summary>
    public (int[] Ids, int Version) Endpoints(int service) => _endpoints[service];

    public void InitialiseEndpoints(IReadOnlyList<ServiceBackend> services) =>
        _endpoints = services.Select(s => (s.ReadyEndpointIds, 1)).ToArray();

    /// <summary>Installs a new endpoint list for a Service (a dynamic update reaching the workers, a reload, EDS).</summary>
    public void ConfigureEndpoints(int service, int[] ids)
    {
        var (current, version) = _endpoints[service];
        if (!current.AsSpan().SequenceEqual(ids)) _endpoints[service] = (ids, version + 1);
    }
}

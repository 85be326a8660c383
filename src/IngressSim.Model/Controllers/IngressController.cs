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

    public void Add(ControllerReplica replica) => _replicas.Add(replica);
}

using IngressSim.Engine.Randomness;
using IngressSim.Model.Controllers;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Pipeline;

/// <summary>
/// The cloud L4 load balancer in front of one controller's replicas. It spreads new connections by
/// flow hash — a new source port per connection makes that uniform over the targets it believes
/// healthy — and knows a replica's health only through its health checks, so a replica that died is
/// still sent connections until enough probes have failed (MODEL_FACTS §7). With no healthy target
/// it fails open to all of them, as AWS NLB does.
/// </summary>
public sealed class ControllerLoadBalancer(IngressController controller, LoadBalancerSpec spec)
{
    private readonly bool[] _inService = Enumerable.Repeat(true, controller.Replicas.Count).ToArray();

    public LoadBalancerSpec Spec { get; } = spec;
    public IngressController Controller { get; } = controller;

    /// <summary>Whether the LB's health checks currently consider replica <paramref name="index"/> healthy.</summary>
    public bool InService(int index) => _inService[index];

    public void SetInService(int index, bool inService) => _inService[index] = inService;

    public ControllerReplica Pick(int client, RandomStream random)
    {
        var replicas = Controller.Replicas;
        int healthy = 0;
        for (int i = 0; i < replicas.Count; i++) if (_inService[i]) healthy++;
        if (healthy == 0) return replicas[(int)random.NextBounded((ulong)replicas.Count)];
        int pick = (int)random.NextBounded((ulong)healthy);
        for (int i = 0; i < replicas.Count; i++)
            if (_inService[i] && pick-- == 0) return replicas[i];
        throw new InvalidOperationException("unreachable: a healthy replica was counted");
    }
}

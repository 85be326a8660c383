using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;
using IngressSim.Model.CloudLoadBalancer;
using IngressSim.Model.Controllers;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Pipeline;

/// <summary>
/// The cloud L4 load balancer in front of one controller's replicas: a <see cref="FlowHashBalancer"/>
/// over one <see cref="HealthCheck"/> per replica (MODEL_FACTS §7). The LB's health checks, not the
/// replicas' real state, decide where new connections go.
/// </summary>
public sealed class ControllerLoadBalancer
{
    private readonly FlowHashBalancer _balancer;

    public ControllerLoadBalancer(IngressController controller, LoadBalancerSpec spec, RandomStream probePhases)
    {
        Controller = controller;
        _balancer = FlowHashBalancer.From(spec.HealthCheck, controller.Replicas.Count, probePhases);
    }

    public IngressController Controller { get; }

    /// <summary>The health check of replica <paramref name="index"/>, probed by the control plane.</summary>
    public HealthCheck HealthCheckOf(int index) => _balancer.Targets[index];

    public ControllerReplica Pick(int client, Instant now, RandomStream random) => Controller.Replicas[_balancer.Pick(client, now, random)];
}

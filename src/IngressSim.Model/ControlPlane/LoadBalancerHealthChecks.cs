using IngressSim.Engine.Events;
using IngressSim.Model.Pipeline;

namespace IngressSim.Model.ControlPlane;

/// <summary>
/// Runs the cloud LBs' health-check probes of every controller replica, each on its own interval; the
/// checks flip only after their thresholds, so a dead replica keeps receiving new connections until
/// detected (MODEL_FACTS §7).
/// </summary>
public sealed class LoadBalancerHealthChecks : IEventHandler
{
    private readonly Simulation _simulation;
    private readonly HandlerId _id;
    private readonly Cluster _cluster;

    public LoadBalancerHealthChecks(Simulation simulation, Cluster cluster)
    {
        _simulation = simulation;
        _id = simulation.Register(this);
        _cluster = cluster;
    }

    public void Start()
    {
        foreach (var replica in _cluster.Replicas) _simulation.Schedule(CheckOf(replica.Id).NextProbeAt, _id, 0, replica.Id);
    }

    void IEventHandler.Handle(Simulation simulation, int kind, long arg)
    {
        var replica = _cluster.Replicas[(int)arg];
        var check = CheckOf(replica.Id);
        check.Probe(simulation.Now, replica.Alive);
        simulation.Schedule(check.NextProbeAt, _id, 0, arg);
    }

    private CloudLoadBalancer.HealthCheck CheckOf(int replicaId)
    {
        var replica = _cluster.Replicas[replicaId];
        return _cluster.LoadBalancers[replica.Controller.Id].HealthCheckOf(replica.Index);
    }
}

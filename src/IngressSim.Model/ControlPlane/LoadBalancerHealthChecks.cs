using IngressSim.Engine.Events;
using IngressSim.Model.CloudLoadBalancer;
using IngressSim.Model.Pipeline;

namespace IngressSim.Model.ControlPlane;

/// <summary>
/// The cloud LB's health checks of every controller replica: probes every interval, and only
/// consecutive results past a threshold flip the LB's view — so a dead replica keeps receiving new
/// connections until detected (MODEL_FACTS §7).
/// </summary>
public sealed class LoadBalancerHealthChecks : IEventHandler
{
    private const int KindProbe = 0, KindApply = 1;

    private readonly Simulation _simulation;
    private readonly HandlerId _id;
    private readonly Cluster _cluster;
    private readonly HealthCheck[] _checks;

    public LoadBalancerHealthChecks(Simulation simulation, Cluster cluster)
    {
        _simulation = simulation;
        _id = simulation.Register(this);
        _cluster = cluster;
        var phases = simulation.Random.For("load-balancer/health-check-phase");
        _checks = cluster.Replicas.Select(r =>
        {
            var spec = cluster.LoadBalancers[r.Controller.Id].Spec.HealthCheck;
            // Probes of different targets are not in step: each starts at its own offset in the interval.
            var first = simulation.Now + Engine.Time.Duration.FromNanoseconds((long)phases.NextBounded((ulong)spec.Interval.Nanoseconds));
            return new HealthCheck(spec, first);
        }).ToArray();
    }

    public void Start()
    {
        for (int i = 0; i < _checks.Length; i++) _simulation.Schedule(_checks[i].NextProbeAt, _id, KindProbe, i);
    }

    void IEventHandler.Handle(Simulation simulation, int kind, long arg)
    {
        int replica = (int)arg;
        var check = _checks[replica];
        var target = _cluster.Replicas[replica];
        if (kind == KindApply)
        {
            _cluster.LoadBalancers[target.Controller.Id].SetInService(target.Index, check.IsHealthy(simulation.Now));
            return;
        }
        // The result counts when known: at once for an answer, after the probe timeout for silence.
        simulation.Schedule(check.Probe(simulation.Now, target.Alive), _id, KindApply, replica);
        simulation.Schedule(check.NextProbeAt, _id, KindProbe, replica);
    }
}

using IngressSim.Engine.Events;
using IngressSim.Model.Pipeline;

namespace IngressSim.Model.ControlPlane;

/// <summary>
/// kube-proxy's sync loop on the controller replicas' nodes: an endpoint change brings the next sync
/// forward as far as minSyncPeriod allows, otherwise it syncs every syncPeriod (MODEL_FACTS §4). Until
/// then the node's rules still send connections to pods that are gone.
/// </summary>
public sealed class KubeProxySync : IEventHandler
{
    private readonly Simulation _simulation;
    private readonly HandlerId _id;
    private readonly Cluster _cluster;

    public KubeProxySync(Simulation simulation, Cluster cluster)
    {
        _simulation = simulation;
        _id = simulation.Register(this);
        _cluster = cluster;
    }

    public void Start()
    {
        foreach (var replica in _cluster.Replicas) _simulation.Schedule(replica.NodeKubeProxy!.NextSyncAt, _id, 0, replica.Id);
    }

    /// <summary>kube-proxy's informer saw an EndpointSlice change.</summary>
    public void EndpointsChanged()
    {
        foreach (var replica in _cluster.Replicas)
        {
            var rules = replica.NodeKubeProxy!;
            var before = rules.NextSyncAt;
            var at = rules.EndpointsChanged(_simulation.Now);
            if (at != before) _simulation.Schedule(at, _id, 0, replica.Id);
        }
    }

    void IEventHandler.Handle(Simulation simulation, int kind, long arg)
    {
        var rules = _cluster.Replicas[(int)arg].NodeKubeProxy!;
        if (rules.NextSyncAt != simulation.Now) return; // superseded by an earlier sync
        var next = rules.Sync(simulation.Now, _cluster.Services.Select(s => s.ReadyEndpointIds).ToArray());
        simulation.Schedule(next, _id, 0, arg);
    }
}

using IngressSim.Engine.Events;
using IngressSim.Engine.Time;
using IngressSim.Kubernetes.Autoscaling;
using IngressSim.Model.Controllers;
using IngressSim.Model.Controllers.Nginx;
using IngressSim.Model.Controllers.Sync;
using IngressSim.Model.Metrics;
using IngressSim.Model.Pipeline;
using IngressSim.Scenarios.Loading;
using K8sHpa = IngressSim.Kubernetes.Autoscaling.HorizontalPodAutoscaler;

namespace IngressSim.Model.ControlPlane;

/// <summary>
/// Everything that changes the cluster while requests flow: workloads (deploys, scaling, crashes),
/// each controller's configuration loop, the HPAs, the LB's health checks and the scenario's
/// timeline, wired to one another as in Kubernetes (an endpoint change reaches the controllers that
/// route to the Service; a finished reload retires workers on the request path).
/// </summary>
public sealed class ClusterControlPlane : IReloadCompletion
{
    private readonly ControllerSync[] _syncs;
    private readonly Autoscalers _autoscalers;
    private readonly LoadBalancerHealthChecks _healthChecks;
    private readonly Timeline _timeline;
    private readonly KubeProxySync _kubeProxy;

    public ClusterControlPlane(Simulation simulation, LoadedScenario scenario, Cluster cluster, RequestPath path, MetricsRecorder metrics, Instant end)
    {
        Workloads = new WorkloadController(simulation, cluster, metrics, scenario);
        _syncs = cluster.Controllers.Select(c => new ControllerSync(simulation, c, cluster, path, metrics, ConfigSize(c))).ToArray();
        _kubeProxy = new KubeProxySync(simulation, cluster);
        Workloads.EndpointsChanged = service =>
        {
            _kubeProxy.EndpointsChanged();
            foreach (var sync in _syncs)
                if (sync.Controller.ServedServices.Contains(service.Id)) sync.OnChange(ConfigChangeKind.EndpointsChanged, service);
        };
        path.Reloads = this;
        _autoscalers = new Autoscalers(simulation, cluster, Workloads, metrics, scenario.Spec.Cluster.Autoscaling, scenario.Manifests.OfKind<K8sHpa>());
        _healthChecks = new LoadBalancerHealthChecks(simulation, cluster);
        var crashes = new ReplicaCrashes(simulation, cluster, path, metrics);
        Memory = new ReplicaMemory(simulation, cluster, path, crashes, metrics);
        _timeline = new Timeline(simulation, scenario, cluster, path, Workloads, _syncs, crashes, metrics, end);
    }

    public WorkloadController Workloads { get; }

    /// <summary>The replicas' nginx memory: grows at reloads, read into gauges at window ends, enforced against memory limits.</summary>
    public ReplicaMemory Memory { get; }

    public void Start()
    {
        _autoscalers.Start();
        _healthChecks.Start();
        _kubeProxy.Start();
        _timeline.Start();
    }

    void IReloadCompletion.OnReloadWorkDone(ControllerReplica replica)
    {
        _syncs[replica.Controller.Id].OnReloadWorkDone(replica);
        Memory.OnWorkersStarted(replica);
    }

    /// <summary>At the end of the run, reloads still waiting for late discoveries are recorded with what they disturbed so far.</summary>
    public void Finish()
    {
        foreach (var sync in _syncs)
            sync.RecordUnrecordedReloads();
    }

    /// <summary>
    /// The size of the nginx configuration a controller renders: its Ingresses, their paths (location
    /// blocks) and distinct Service upstreams — what a reload must parse (MODEL_FACTS §1).
    /// </summary>
    private static NginxConfigSize ConfigSize(IngressController controller) =>
        new(controller.ServedIngresses.Count, controller.RouteCount, controller.ServedServices.Count);
}

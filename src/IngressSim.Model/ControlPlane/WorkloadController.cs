using IngressSim.Distributions;
using IngressSim.Engine.Events;
using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;
using IngressSim.Model.Pipeline;
using IngressSim.Model.Workloads;
using IngressSim.Model.Workloads.Rollouts;
using IngressSim.Scenarios.Loading;

namespace IngressSim.Model.ControlPlane;

/// <summary>
/// The Deployment controller and kubelet for the cluster's Services: creates pods (ready after their
/// start-to-ready time), rolls them over to a new revision within maxSurge/maxUnavailable
/// (<see cref="RollingUpdate"/>), scales them for the HPA, terminates them (out of the endpoints at
/// once, serving through a preStop sleep if it has one, then refusing new connections, gone after the
/// grace period), and tells the ingress controllers
/// about endpoint changes once the EndpointSlice update has propagated.
/// </summary>
public sealed class WorkloadController : IEventHandler
{
    private const int KindPodReady = 0, KindPodGone = 1, KindEndpointsPropagated = 2, KindSigterm = 3;

    private readonly Simulation _simulation;
    private readonly HandlerId _id;
    private readonly Cluster _cluster;
    private readonly MetricsRecorder _metrics;
    private readonly Duration _endpointPropagation;
    private readonly int _nodes;
    private readonly ISampler[] _startToReady;

    public WorkloadController(Simulation simulation, Cluster cluster, MetricsRecorder metrics, LoadedScenario scenario)
    {
        _simulation = simulation;
        _id = simulation.Register(this);
        _cluster = cluster;
        _metrics = metrics;
        _endpointPropagation = scenario.Spec.Cluster.EndpointPropagation;
        _nodes = scenario.Spec.Cluster.Nodes;
        _startToReady = cluster.Services
            .Select(s => DurationSamplers.For(s.Workload.StartToReady, simulation.Random.For($"service/{s.Key}/start-to-ready")))
            .ToArray();
    }

    /// <summary>Controllers to tell about a Service's endpoint changes (set by the control plane).</summary>
    public Action<ServiceBackend>? EndpointsChanged { get; set; }

    /// <summary>A rolling update to a new revision (a deploy).</summary>
    public void Deploy(ServiceBackend service)
    {
        service.Revision++;
        _metrics.RecordEvent(_simulation.Now, "deploy", service.Key, $"revision {service.Revision}");
        Reconcile(service);
    }

    /// <summary>New desired replicas (HPA, a scale action): the current revision grows or shrinks.</summary>
    public void Scale(ServiceBackend service, int replicas)
    {
        service.DesiredReplicas = replicas;
        Reconcile(service);
    }

    /// <summary>
    /// One pass of the Deployment controller: while pods of older revisions remain it takes the next
    /// rolling-update step; otherwise it brings the current revision to the desired count.
    /// </summary>
    private void Reconcile(ServiceBackend service)
    {
        if (service.Deployment is not { } deployment) return;
        var live = service.Pods.Where(p => !p.Terminating).ToList();
        var current = live.Where(p => p.Revision == service.Revision).ToList();
        var old = live.Where(p => p.Revision != service.Revision).ToList();
        if (old.Count > 0 || current.Count == 0 && service.DesiredReplicas > 0 && service.Revision > 0)
        {
            var rolling = deployment.Spec.Strategy.RollingUpdate;
            var update = new RollingUpdate(service.DesiredReplicas, rolling?.MaxSurge, rolling?.MaxUnavailable);
            var state = new RolloutState(current.Count, current.Count(p => p.Ready), old.Count, old.Count(p => p.Ready));
            if (update.IsComplete(state)) return;
            var step = update.Step(state);
            for (int i = 0; i < step.NewPodsToCreate; i++) CreatePod(service);
            // rolling.go scales old ReplicaSets down unhealthy pods first, then the oldest.
            foreach (var pod in old.OrderBy(p => p.Ready).ThenBy(p => p.CreatedAt).Take(step.OldPodsToTerminate)) Terminate(service, pod);
            foreach (var pod in current.OrderBy(p => p.Ready).ThenByDescending(p => p.CreatedAt).Take(step.NewPodsToRemove)) Terminate(service, pod);
            return;
        }
        for (int i = current.Count; i < service.DesiredReplicas; i++) CreatePod(service);
        // Scale-down picks not-ready pods first, then the newest (the ReplicaSet controller's ranking).
        foreach (var pod in current.OrderBy(p => p.Ready).ThenByDescending(p => p.CreatedAt).Take(current.Count - service.DesiredReplicas))
            Terminate(service, pod);
    }

    private void CreatePod(ServiceBackend service)
    {
        var pods = _cluster.Pods;
        var pod = new Pod(_simulation, pods.Count, $"{service.Key}-r{service.Revision}-{pods.Count}", pods.Count % _nodes,
            service.Workload.Concurrency, _cluster.PodRelay, service.Revision)
        {
            Running = false,
            Ready = false,
        };
        pods.Add(pod);
        service.Add(pod);
        _simulation.ScheduleAfter(StartToReady(service), _id, KindPodReady, pod.Id);
    }

    /// <summary>A draw of the Service's start-to-ready time: for new pods and restarted containers alike.</summary>
    public Duration StartToReady(ServiceBackend service) => Duration.FromSecondsRounded(_startToReady[service.Id].Sample());

    private void Terminate(ServiceBackend service, Pod pod)
    {
        pod.Terminating = true;
        bool wasReady = pod.Ready;
        pod.Ready = false;
        service.RefreshEndpoints();
        if (wasReady) Propagate(service);
        var grace = service.Workload.TerminationGracePeriod;
        var preStop = Duration.Min(service.Workload.PreStopSleep, grace);
        if (preStop > Duration.Zero) _simulation.ScheduleAfter(preStop, _id, KindSigterm, pod.Id);
        else pod.Running = false; // SIGTERM at once: the server stops accepting; requests it holds still finish
        _simulation.ScheduleAfter(grace, _id, KindPodGone, pod.Id);
    }

    /// <summary>A readiness change made elsewhere (a crashed pod's probe failing): the endpoints controller publishes it.</summary>
    public void NotifyEndpointsChanged(ServiceBackend service) => Propagate(service);

    /// <summary>The EndpointSlice change reaches the controllers' informers after the propagation delay.</summary>
    private void Propagate(ServiceBackend service) =>
        _simulation.ScheduleAfter(_endpointPropagation, _id, KindEndpointsPropagated, service.Id);

    void IEventHandler.Handle(Simulation simulation, int kind, long arg)
    {
        switch (kind)
        {
            case KindPodReady:
            {
                var pod = _cluster.Pods[(int)arg];
                if (pod.Terminating) return;
                var service = ServiceOf(pod);
                pod.Running = true;
                pod.Ready = true;
                pod.ReadyAt = simulation.Now;
                service.RefreshEndpoints();
                Propagate(service);
                Reconcile(service);
                break;
            }
            case KindSigterm:
                _cluster.Pods[(int)arg].Running = false; // the preStop hook returned
                break;
            case KindPodGone:
            {
                var pod = _cluster.Pods[(int)arg];
                ServiceOf(pod).Remove(pod);
                break;
            }
            case KindEndpointsPropagated:
                EndpointsChanged?.Invoke(_cluster.Services[(int)arg]);
                break;
        }
    }

    private ServiceBackend ServiceOf(Pod pod) => _cluster.Services[pod.Service];
}

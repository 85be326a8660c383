using IngressSim.Engine.Events;
using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;
using IngressSim.Model.Clients;
using IngressSim.Model.Controllers;
using IngressSim.Model.Controllers.Sync;
using IngressSim.Model.Metrics;
using IngressSim.Model.Pipeline;
using IngressSim.Model.Workloads;
using IngressSim.Scenarios.Cluster;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Timeline;
using IngressSim.Scenarios.Traffic;

namespace IngressSim.Model.ControlPlane;

/// <summary>
/// Carries out the scenario's timeline: deploys (single, or a Poisson stream whose rate follows a
/// profile), Ingress changes, scaling, controller and pod crashes, node loss and traffic changes —
/// each through the same mechanisms a real cluster would use.
/// </summary>
public sealed class Timeline : IEventHandler
{
    private const int KindAction = 0, KindStreamDeploy = 1, KindPodRestart = 2, KindPodNotReady = 3;

    private readonly Simulation _simulation;
    private readonly HandlerId _id;
    private readonly LoadedScenario _scenario;
    private readonly Cluster _cluster;
    private readonly RequestPath _path;
    private readonly WorkloadController _workloads;
    private readonly IReadOnlyList<ControllerSync> _syncs;
    private readonly MetricsRecorder _metrics;
    private readonly Instant _end;
    private readonly List<DeployStream> _streams = [];
    private readonly RandomStream _crashes;
    private readonly ReplicaCrashes _replicaCrashes;

    public Timeline(Simulation simulation, LoadedScenario scenario, Cluster cluster, RequestPath path, WorkloadController workloads,
        IReadOnlyList<ControllerSync> syncs, ReplicaCrashes replicaCrashes, MetricsRecorder metrics, Instant end)
    {
        _simulation = simulation;
        _id = simulation.Register(this);
        _scenario = scenario;
        _cluster = cluster;
        _path = path;
        _workloads = workloads;
        _syncs = syncs;
        _replicaCrashes = replicaCrashes;
        _metrics = metrics;
        _end = end;
        _crashes = simulation.Random.For("timeline/crashes");
    }

    public void Start()
    {
        var events = _scenario.Spec.Timeline;
        for (int i = 0; i < events.Count; i++) _simulation.Schedule(Instant.Zero + events[i].At, _id, KindAction, i);
    }

    void IEventHandler.Handle(Simulation simulation, int kind, long arg)
    {
        switch (kind)
        {
            case KindAction: Carry(_scenario.Spec.Timeline[(int)arg]); break;
            case KindStreamDeploy: OnStreamDeploy(_streams[(int)arg]); break;
            case KindPodNotReady: PodNotReady(_cluster.Pods[(int)arg]); break;
            case KindPodRestart: PodRestarted(_cluster.Pods[(int)arg]); break;
        }
    }

    private void Carry(TimelineEventSpec e)
    {
        switch (e)
        {
            case { Deploy: { } deploy }:
                Deploy(Service(deploy.Service), deploy.TouchIngress);
                break;
            case { Deploys: { } stream }:
                StartStream(stream);
                break;
            case { TouchIngress: { } touch }:
                TouchIngress(TimelineReferences.IngressKey(touch.Ingress));
                break;
            case { RenewCertificate: { } renew }:
                RenewCertificate(TimelineReferences.IngressKey(renew.Ingress));
                break;
            case { Scale: { } scale }:
                // A Deployment no Service selects has no pods in the model: scaling it changes nothing traffic sees.
                if (_cluster.Services.FirstOrDefault(s => s.Deployment is { } d && TimelineReferences.Names(scale.Deployment, d.Metadata.Namespace, d.Metadata.Name)) is { } scaled)
                    _workloads.Scale(scaled, scale.Replicas);
                break;
            case { CrashController: { } crash }:
                var replica = _cluster.Controllers.First(c => c.Name == crash.Controller).Replicas[crash.Replica];
                _replicaCrashes.Crash(replica, crash.RestartAfter);
                break;
            case { CrashPod: { } crashPod }:
                var service = Service(crashPod.Service);
                foreach (var pod in service.Pods.Where(p => p.Running && !p.Terminating).Take(crashPod.Count).ToList()) CrashPod(pod);
                break;
            case { LoseNode: { } node }:
                LoseNode(node.Node, node.RecoverAfter);
                break;
            case { Traffic: { } traffic }:
                var source = _cluster.Sources.First(s => s.Spec.Name == traffic.Source);
                source.Arrivals.ChangeProfile(RateProfile.From(traffic.Rate, _scenario.RateSeries));
                _path.RestartArrivals(source);
                if (traffic.Shift is { } shift) _path.StartDemandShift(source, shift);
                _metrics.RecordEvent(_simulation.Now, "traffic", source.Spec.Name,
                    Describe(traffic.Rate) + (traffic.Shift is { } s ? $", demand shifting every {s.Every}" : ""));
                break;
        }
    }

    // ---- deploys -------------------------------------------------------------------------------

    private void Deploy(ServiceBackend service, bool touchIngress)
    {
        _workloads.Deploy(service);
        // A deploy that also edits its Ingress (an annotation such as a version) is a config change.
        if (touchIngress)
            foreach (var sync in _syncs)
                if (sync.Controller.ServedServices.Contains(service.Id)) sync.OnChange(ConfigChangeKind.IngressAnnotationChanged);
    }

    private void TouchIngress(string key)
    {
        foreach (var sync in _syncs)
            if (sync.Controller.ServedIngresses.Contains(key)) sync.OnChange(ConfigChangeKind.IngressAnnotationChanged);
        _metrics.RecordEvent(_simulation.Now, "ingress", key, "annotation changed");
    }

    private void RenewCertificate(string key)
    {
        foreach (var sync in _syncs)
            if (sync.Controller.ServedIngresses.Contains(key)) sync.OnChange(ConfigChangeKind.CertificateSecretUpdated);
        _metrics.RecordEvent(_simulation.Now, "ingress", key, "TLS certificate renewed");
    }

    private void StartStream(DeployStreamAction spec)
    {
        var until = spec.Until is { } u ? Instant.Min(Instant.Zero + u, _end) : _end;
        var targets = _cluster.Services.Where(s => s.Deployment is { } d
            && (spec.Fleet is null || d.Metadata.Labels.TryGetValue(FleetExpansion.FleetLabel, out var fleet) && fleet == spec.Fleet)).ToArray();
        if (targets.Length == 0) return;
        int index = _streams.Count;
        var stream = new DeployStream(index, spec, ArrivalProcess.From(spec.Rate, _scenario.RateSeries, until), targets,
            _simulation.Random.For($"timeline/deploys/{index}"));
        _streams.Add(stream);
        ScheduleNext(stream);
    }

    private void ScheduleNext(DeployStream stream)
    {
        if (stream.Arrivals.Next(_simulation.Now, stream.Random) is { } next) _simulation.Schedule(next, _id, KindStreamDeploy, stream.Index);
    }

    private void OnStreamDeploy(DeployStream stream)
    {
        Deploy(stream.Targets[(int)stream.Random.NextBounded((ulong)stream.Targets.Length)], stream.Spec.TouchIngress);
        ScheduleNext(stream);
    }

    private sealed record DeployStream(int Index, DeployStreamAction Spec, ArrivalProcess Arrivals, ServiceBackend[] Targets, RandomStream Random);

    // ---- failures ------------------------------------------------------------------------------

    /// <summary>
    /// A pod's process dies: it refuses connections at once, but stays in the endpoints until its
    /// readiness probe has failed failureThreshold times (MODEL_FACTS §6: ~30 s); kubelet restarts the
    /// container, ready again after its start-to-ready time.
    /// </summary>
    private void CrashPod(ServiceBackend service, Pod pod, bool restart = true)
    {
        pod.Running = false;
        var probe = service.Workload.ReadinessProbe;
        var phase = Duration.FromNanoseconds((long)_crashes.NextBounded((ulong)probe.Period.Nanoseconds));
        _simulation.ScheduleAfter(phase + probe.Period * (probe.FailureThreshold - 1) + probe.Timeout, _id, KindPodNotReady, pod.Id);
        if (restart) _simulation.ScheduleAfter(_workloads.StartToReady(service), _id, KindPodRestart, pod.Id);
        _metrics.RecordEvent(_simulation.Now, "crash", pod.Name, "pod process died");
    }

    private void CrashPod(Pod pod) => CrashPod(_cluster.Services[pod.Service], pod);

    private void PodNotReady(Pod pod)
    {
        if (pod.Running || !pod.Ready) return; // restarted before the probe noticed
        pod.Ready = false;
        var service = _cluster.Services[pod.Service];
        service.RefreshEndpoints();
        _workloads.NotifyEndpointsChanged(service);
    }

    private void PodRestarted(Pod pod)
    {
        if (pod.Terminating) return;
        pod.Running = true;
        if (pod.Ready) return;
        pod.Ready = true;
        pod.ReadyAt = _simulation.Now;
        var service = _cluster.Services[pod.Service];
        service.RefreshEndpoints();
        _workloads.NotifyEndpointsChanged(service);
    }

    /// <summary>A node disappears: the controller replicas and pods on it die; they come back when it recovers.</summary>
    private void LoseNode(int node, Duration? recoverAfter)
    {
        int nodes = _scenario.Spec.Cluster.Nodes;
        _metrics.RecordEvent(_simulation.Now, "node", $"node-{node}", recoverAfter is { } r ? $"lost for {r}" : "lost");
        foreach (var replica in _cluster.Replicas)
            if (ReplicaNode(replica, nodes) == node) _replicaCrashes.Crash(replica, recoverAfter);
        foreach (var pod in _cluster.Pods.Where(p => p.Node == node && p.Running && !p.Terminating).ToList())
        {
            CrashPod(_cluster.Services[pod.Service], pod, restart: false);
            if (recoverAfter is { } after) _simulation.ScheduleAfter(after, _id, KindPodRestart, pod.Id);
        }
    }

    /// <summary>Replicas with anti-affinity sit on distinct nodes; without it the scheduler may stack them on one.</summary>
    private static int ReplicaNode(ControllerReplica replica, int nodes) =>
        replica.Controller.Spec.AntiAffinity ? (replica.Controller.Id + replica.Index) % nodes : replica.Controller.Id % nodes;

    /// <summary>A rate profile in words for the timeline (the narrative and explain show it).</summary>
    private static string Describe(RateProfileSpec rate) => rate switch
    {
        { Constant: { } c } => $"now {c}",
        { Ramp: { } r } => $"ramp {r.From} → {r.To} from {r.Start} to {r.End}",
        { Steps: { Count: > 0 } steps } => "steps " + string.Join(", ", steps.Select(x => $"{x.Rate} at {x.At}")),
        { Diurnal: { } d } => $"daily curve around {d.Mean}",
        { Bursts: { } b } => $"{b.Base} with bursts to {b.Peak} every {b.Every}",
        { Csv: { } csv } => $"series {csv.File}",
        _ => "new rate profile",
    };

    // ---- names (resolved as the loader checked them: TimelineReferences) ------------------------

    private ServiceBackend Service(string name) =>
        _cluster.Services.First(s => TimelineReferences.Names(name, s.Key[..s.Key.IndexOf('/')], s.Key[(s.Key.IndexOf('/') + 1)..]));
}

using IngressSim.Engine.Events;
using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;
using IngressSim.Model.Pipeline;
using IngressSim.Model.Workloads;
using IngressSim.Model.Workloads.Autoscaling;
using IngressSim.Scenarios.Cluster;
using K8sHpa = IngressSim.Kubernetes.Autoscaling.HorizontalPodAutoscaler;

namespace IngressSim.Model.ControlPlane;

/// <summary>
/// metrics-server and the HPA controller: every metric resolution each pod's CPU use over the last
/// interval is scraped; every sync period each HorizontalPodAutoscaler recommends replicas
/// (<see cref="HorizontalPodAutoscaler"/>, MODEL_FACTS §5) and the Deployment is scaled.
/// </summary>
public sealed class Autoscalers : IEventHandler
{
    private const int KindScrape = 0, KindSync = 1;

    private readonly Simulation _simulation;
    private readonly HandlerId _id;
    private readonly Cluster _cluster;
    private readonly WorkloadController _workloads;
    private readonly MetricsRecorder _metrics;
    private readonly AutoscalingSpec _spec;
    private readonly List<(ServiceBackend Service, HorizontalPodAutoscaler Hpa)> _autoscalers = [];
    private readonly double _tolerance;

    public Autoscalers(Simulation simulation, Cluster cluster, WorkloadController workloads, MetricsRecorder metrics,
        AutoscalingSpec spec, IEnumerable<K8sHpa> manifests)
    {
        _simulation = simulation;
        _id = simulation.Register(this);
        _cluster = cluster;
        _workloads = workloads;
        _metrics = metrics;
        _spec = spec;
        _tolerance = spec.Tolerance.Fraction;
        var calculator = new CpuReplicaCalculator(spec.Tolerance.Fraction, spec.CpuInitializationPeriod, spec.InitialReadinessDelay);
        foreach (var hpa in manifests)
        {
            var target = cluster.Services.FirstOrDefault(s => s.Deployment is { } d
                && d.Metadata.Name == hpa.Spec.ScaleTargetRef.Name && d.Metadata.Namespace == hpa.Metadata.Namespace);
            int? utilization = hpa.Spec.Metrics.Select(m => m.Resource).FirstOrDefault(r => r?.Name == "cpu")?.Target.AverageUtilization;
            if (target is null || utilization is null) continue; // lint reports HPAs the simulator cannot act on
            var behavior = HpaBehavior.From(hpa.Spec.Behavior, spec.ScaleDownStabilization);
            _autoscalers.Add((target, new HorizontalPodAutoscaler(hpa.Spec.MinReplicas ?? 1, hpa.Spec.MaxReplicas, utilization.Value, behavior, calculator)));
        }
    }

    public void Start()
    {
        if (_autoscalers.Count == 0) return;
        _simulation.ScheduleAfter(_spec.MetricsResolution, _id, KindScrape);
        _simulation.ScheduleAfter(_spec.SyncPeriod, _id, KindSync);
    }

    void IEventHandler.Handle(Simulation simulation, int kind, long arg)
    {
        var now = simulation.Now;
        if (kind == KindScrape)
        {
            foreach (var (service, _) in _autoscalers)
                foreach (var pod in service.Pods)
                {
                    if (pod.ScrapedMillicores >= 0 || pod.Running)
                        pod.ScrapedMillicores = (long)((pod.CpuSeconds - pod.CpuSecondsAtScrape) / _spec.MetricsResolution.TotalSeconds * 1000);
                    pod.CpuSecondsAtScrape = pod.CpuSeconds;
                    pod.ScrapedAt = now;
                }
            simulation.ScheduleAfter(_spec.MetricsResolution, _id, KindScrape);
            return;
        }
        foreach (var (service, hpa) in _autoscalers)
        {
            var pods = service.Pods.Select(p => new HpaPod(
                p.Terminating ? HpaPodPhase.Terminating : p.Running ? HpaPodPhase.Running : HpaPodPhase.Pending,
                p.CreatedAt, p.Ready, p.Ready ? p.ReadyAt : p.CreatedAt,
                p.ScrapedMillicores >= 0 ? new CpuSample(p.ScrapedMillicores, p.ScrapedAt, _spec.MetricsResolution) : null)).ToList();
            long request = (long)Math.Round(service.CpuRequestCores * 1000);
            if (request <= 0) continue;
            var decision = hpa.Sync(now, service.DesiredReplicas, pods, request);
            if (!decision.Rescale) continue;
            _metrics.RecordEvent(now, "hpa", service.Key,
                $"{decision.CurrentReplicas} → {decision.DesiredReplicas} (CPU {decision.Metric?.UtilizationPercent}% of request, target {hpa.TargetCpuUtilizationPercent}%)");
            _metrics.RecordHpaScale(new HpaScaleRecord(now, service.Key, hpa.TargetCpuUtilizationPercent, _tolerance,
                hpa.MinReplicas, hpa.MaxReplicas, decision));
            _workloads.Scale(service, decision.DesiredReplicas);
        }
        simulation.ScheduleAfter(_spec.SyncPeriod, _id, KindSync);
    }
}

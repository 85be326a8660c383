using IngressSim.Engine.Time;
using IngressSim.Kubernetes.Apps;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Running;

/// <summary>
/// The pod lifecycle timing a user's Deployment manifest states — termination grace period, preStop
/// sleep, readiness probe — overrides the scenario workload's, so runs against real manifests shut
/// pods down and detect dead ones as the cluster would. What the manifest leaves out keeps the
/// workload's value (whose defaults are Kubernetes's, MODEL_FACTS §6).
/// </summary>
public static class PodTemplateTiming
{
    public static WorkloadSpec Apply(WorkloadSpec workload, Deployment? deployment)
    {
        if (deployment is null) return workload;
        var pod = deployment.Spec.Template.Spec;
        var grace = pod.TerminationGracePeriodSeconds is { } seconds ? Duration.FromSeconds(seconds) : workload.TerminationGracePeriod;
        // The pod's shutdown waits for its slowest container's hook.
        long? preStop = pod.Containers.Select(c => c.Lifecycle?.PreStop?.Sleep?.Seconds).Max();
        var probe = pod.Containers.Select(c => c.ReadinessProbe).FirstOrDefault(p => p is not null);
        return workload with
        {
            TerminationGracePeriod = grace,
            PreStopSleep = preStop is { } sleep ? Duration.FromSeconds(sleep) : workload.PreStopSleep,
            ReadinessProbe = probe is null ? workload.ReadinessProbe : new ReadinessProbeSpec
            {
                Period = probe.PeriodSeconds is { } period ? Duration.FromSeconds(period) : workload.ReadinessProbe.Period,
                Timeout = probe.TimeoutSeconds is { } timeout ? Duration.FromSeconds(timeout) : workload.ReadinessProbe.Timeout,
                FailureThreshold = probe.FailureThreshold ?? workload.ReadinessProbe.FailureThreshold,
            },
        };
    }
}

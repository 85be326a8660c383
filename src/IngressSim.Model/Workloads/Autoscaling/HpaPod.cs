using IngressSim.Engine.Time;

namespace IngressSim.Model.Workloads.Autoscaling;

/// <summary>The pod phases the HPA distinguishes (replica_calculator.go groupPods).</summary>
public enum HpaPodPhase
{
    /// <summary>Not started yet: counted as unready.</summary>
    Pending,
    Running,
    /// <summary>Deletion timestamp set, or failed: discarded from the calculation.</summary>
    Terminating,
}

/// <summary>One metrics-server CPU sample of a pod: usage averaged over <paramref name="Window"/>, ending at <paramref name="Timestamp"/>.</summary>
public readonly record struct CpuSample(long Millicores, Instant Timestamp, Duration Window);

/// <summary>
/// A pod of the scale target as the HPA sees it at a sync.
/// </summary>
/// <param name="Phase">Pending, running, or terminating/failed.</param>
/// <param name="StartedAt">The pod's start time (status.startTime); required for a running pod.</param>
/// <param name="Ready">The Ready condition's status.</param>
/// <param name="ReadyTransition">The Ready condition's last transition time.</param>
/// <param name="Cpu">The latest CPU sample; null when metrics-server has none for the pod (a "missing" pod).</param>
public readonly record struct HpaPod(HpaPodPhase Phase, Instant StartedAt, bool Ready, Instant ReadyTransition, CpuSample? Cpu);

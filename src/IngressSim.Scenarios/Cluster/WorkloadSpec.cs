using IngressSim.Engine.Time;
using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Sampling;

namespace IngressSim.Scenarios.Cluster;

/// <summary>How the pods behind one Service behave. Workload-specific: inputs, with illustrative defaults.</summary>
public sealed record WorkloadSpec
{
    /// <summary>Time a pod works on one request once it holds a slot.</summary>
    public DistributionSpec ServiceTime { get; init; } = new() { Exponential = new ExponentialSpec { Mean = Duration.FromMilliseconds(20) } };

    /// <summary>Requests a pod serves at once (threads or connection slots); more wait in its queue.</summary>
    [Limits("1", "100000")] public int Concurrency { get; init; } = 16;

    /// <summary>CPU a pod burns per request (drives HPA utilisation); absent = the service time (CPU-bound).</summary>
    [Limits("0s", "1h")] public Duration? CpuPerRequest { get; init; }

    /// <summary>From pod creation to ready. MODEL_FACTS §6: startup SLO p99 ≤ 5 s excluding image pull; workload-specific.</summary>
    public DistributionSpec StartToReady { get; init; } = DistributionSpec.Fixed(Duration.FromSeconds(5));

    public ReadinessProbeSpec ReadinessProbe { get; init; } = new();

    /// <summary>MODEL_FACTS §6: terminationGracePeriodSeconds 30 s.</summary>
    [Limits("0s", "1d")] public Duration TerminationGracePeriod { get; init; } = Duration.FromSeconds(30);

    /// <summary>
    /// A preStop <c>sleep</c> hook (KEP-3960, stable in 1.34): the deleted pod keeps serving this long, out of
    /// the endpoints, so load balancers that learn late still reach a live server; SIGTERM follows. The
    /// hook counts against the grace period (kubernetes/kubernetes#74160). Absent = no hook.
    /// </summary>
    [Limits("0s", "1h")] public Duration PreStopSleep { get; init; } = Duration.Zero;
}

/// <summary>MODEL_FACTS §6: period 10 s, timeout 1 s, failureThreshold 3 (~30 s to notice a dead pod).</summary>
public sealed record ReadinessProbeSpec
{
    [Limits("1s", "1h")] public Duration Period { get; init; } = Duration.FromSeconds(10);
    [Limits("1ms", "1h")] public Duration Timeout { get; init; } = Duration.FromSeconds(1);
    [Limits("1", "100")] public int FailureThreshold { get; init; } = 3;
}

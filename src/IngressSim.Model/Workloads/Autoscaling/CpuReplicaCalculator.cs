using IngressSim.Engine.Time;

namespace IngressSim.Model.Workloads.Autoscaling;

/// <summary>
/// The inputs and result of one CPU-utilisation replica calculation, for explaining a decision. Ratios are
/// desired-to-target (1.0 = on target).
/// </summary>
/// <param name="Replicas">The metric's recommendation (the current count when no change is warranted).</param>
/// <param name="UtilizationPercent">Average utilisation of the counted pods, % of request (what the HPA status reports).</param>
/// <param name="UsageRatio">Utilisation ÷ target over the ready pods with metrics.</param>
/// <param name="CorrectedUsageRatio">The ratio after filling missing (100 % / 0 %) and unready (0 %) pods; null when no correction applied.</param>
/// <param name="ReadyPods">Pods whose samples counted.</param>
/// <param name="UnreadyPods">Pending, not-yet-ready, or sampled before becoming ready (CPU rules).</param>
/// <param name="MissingPods">Running pods without a sample.</param>
/// <param name="IgnoredPods">Terminating or failed pods, discarded.</param>
/// <param name="Outcome">Which rule decided.</param>
public sealed record CpuRecommendation(
    int Replicas, int UtilizationPercent, double UsageRatio, double? CorrectedUsageRatio,
    int ReadyPods, int UnreadyPods, int MissingPods, int IgnoredPods, RecommendationOutcome Outcome);

public enum RecommendationOutcome
{
    /// <summary>ceil(ratio × pods counted).</summary>
    Scaled,
    /// <summary>The ratio is within the tolerance of 1: keep the current count.</summary>
    WithinTolerance,
    /// <summary>The corrected ratio is within tolerance or points the other way: keep the current count.</summary>
    CorrectionCancelled,
    /// <summary>The corrected count would move against the ratio's direction: keep the current count.</summary>
    DirectionReversed,
}

/// <summary>
/// autoscaling/v2's replica calculation for a Resource metric (cpu) with a Utilization target, as in
/// kubernetes pkg/controller/podautoscaler/replica_calculator.go GetResourceReplicas and groupPods, and
/// metrics/utilization.go GetResourceUtilizationRatio (MODEL_FACTS §5, WEB HPA "Algorithm details").
/// </summary>
public sealed class CpuReplicaCalculator
{
    private readonly double _tolerance;
    private readonly Duration _cpuInitializationPeriod;
    private readonly Duration _initialReadinessDelay;

    /// <param name="tolerance">No change while |1 − ratio| ≤ tolerance (MODEL_FACTS §5: 0.1; --horizontal-pod-autoscaler-tolerance).</param>
    /// <param name="cpuInitializationPeriod">MODEL_FACTS §5: 5 min (--horizontal-pod-autoscaler-cpu-initialization-period).</param>
    /// <param name="initialReadinessDelay">MODEL_FACTS §5: 30 s (--horizontal-pod-autoscaler-initial-readiness-delay).</param>
    public CpuReplicaCalculator(double tolerance, Duration cpuInitializationPeriod, Duration initialReadinessDelay)
    {
        if (!(tolerance >= 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "the tolerance is non-negative");
        _tolerance = tolerance;
        _cpuInitializationPeriod = cpuInitializationPeriod;
        _initialReadinessDelay = initialReadinessDelay;
    }

    /// <summary>
    /// The recommendation for <paramref name="currentReplicas"/> pods of the scale target, each requesting
    /// <paramref name="cpuRequestMillicores"/>, against <paramref name="targetUtilizationPercent"/>. Null when
    /// no counted pod has a sample: the controller then reports an error and does not scale.
    /// </summary>
    public CpuRecommendation? Recommend(Instant now, int currentReplicas, IReadOnlyList<HpaPod> pods,
        long cpuRequestMillicores, int targetUtilizationPercent)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cpuRequestMillicores, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetUtilizationPercent, 1);

        // groupPods: ready (sampled and counted), unready, missing, ignored.
        long readyUsage = 0;
        int ready = 0, unready = 0, missing = 0, ignored = 0;
        foreach (var pod in pods)
        {
            switch (Group(now, pod))
            {
                case PodGroup.Ready: ready++; readyUsage += pod.Cpu!.Value.Millicores; break;
                case PodGroup.Unready: unready++; break;
                case PodGroup.Missing: missing++; break;
                default: ignored++; break;
            }
        }
        if (ready == 0) return null;

        int utilization = Utilization(readyUsage, ready * cpuRequestMillicores);
        double ratio = utilization / (double)targetUtilizationPercent;
        CpuRecommendation Result(int replicas, double? corrected, RecommendationOutcome outcome) =>
            new(replicas, utilization, ratio, corrected, ready, unready, missing, ignored, outcome);

        bool scaleUpWithUnready = unready > 0 && ratio > 1.0;
        if (!scaleUpWithUnready && missing == 0)
        {
            return WithinTolerance(ratio)
                ? Result(currentReplicas, null, RecommendationOutcome.WithinTolerance)
                : Result(CeilReplicas(ratio, ready), null, RecommendationOutcome.Scaled);
        }

        // Dampen the change: on a scale-down missing pods use 100 % of their request (or the target when it is
        // higher), on a scale-up 0 %; on a scale-up not-yet-ready pods use 0 % too.
        long usage = readyUsage;
        int counted = ready;
        if (missing > 0 && ratio != 1.0)
        {
            if (ratio < 1.0) usage += missing * (cpuRequestMillicores * Math.Max(100, targetUtilizationPercent) / 100);
            counted += missing;
        }
        if (scaleUpWithUnready) counted += unready;

        double corrected = Utilization(usage, counted * cpuRequestMillicores) / (double)targetUtilizationPercent;
        if (WithinTolerance(corrected) || (ratio < 1.0 && corrected > 1.0) || (ratio > 1.0 && corrected < 1.0))
            return Result(currentReplicas, corrected, RecommendationOutcome.CorrectionCancelled);

        int replicas = CeilReplicas(corrected, counted);
        if ((corrected < 1.0 && replicas > currentReplicas) || (corrected > 1.0 && replicas < currentReplicas))
            return Result(currentReplicas, corrected, RecommendationOutcome.DirectionReversed);
        return Result(replicas, corrected, RecommendationOutcome.Scaled);
    }

    private PodGroup Group(Instant now, HpaPod pod)
    {
        if (pod.Phase == HpaPodPhase.Terminating) return PodGroup.Ignored;
        if (pod.Phase == HpaPodPhase.Pending) return PodGroup.Unready;
        if (pod.Cpu is not { } sample) return PodGroup.Missing;
        bool unready = pod.StartedAt + _cpuInitializationPeriod > now
            // Still initialising: unready, or its sample does not yet cover a full window since it became ready.
            ? !pod.Ready || sample.Timestamp < pod.ReadyTransition + sample.Window
            // Later: unready and never ready (it turned unready within the initial readiness delay of starting).
            : !pod.Ready && pod.StartedAt + _initialReadinessDelay > pod.ReadyTransition;
        return unready ? PodGroup.Unready : PodGroup.Ready;
    }

    // utilization.go: the percentage is an integer, truncated, before the ratio is taken.
    private static int Utilization(long usageMillicores, long requestMillicores) => (int)(usageMillicores * 100 / requestMillicores);

    private bool WithinTolerance(double ratio) => 1.0 - _tolerance <= ratio && ratio <= 1.0 + _tolerance;

    private static int CeilReplicas(double ratio, int pods) => (int)Math.Ceiling(ratio * pods);

    private enum PodGroup { Ready, Unready, Missing, Ignored }
}

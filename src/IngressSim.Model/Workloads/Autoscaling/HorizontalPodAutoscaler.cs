using IngressSim.Engine.Time;

namespace IngressSim.Model.Workloads.Autoscaling;

/// <summary>
/// One autoscaling/v2 HorizontalPodAutoscaler on CPU utilisation: the controller's sync for it
/// (kubernetes pkg/controller/podautoscaler/horizontal.go reconcileAutoscaler with behaviors) — the replica
/// calculation, the stabilisation windows over past recommendations, the scaling policies over past scale
/// events, and min/max replicas. The caller runs <see cref="Sync"/> every sync period (MODEL_FACTS §5: 15 s)
/// and applies the decision; this type keeps the history those rules need.
/// </summary>
public sealed class HorizontalPodAutoscaler
{
    private readonly CpuReplicaCalculator _calculator;
    private readonly HpaBehavior _behavior;
    private readonly List<(Instant At, int Replicas)> _recommendations = [];
    private readonly List<(Instant At, int Change)> _scaleUps = [];
    private readonly List<(Instant At, int Change)> _scaleDowns = [];

    public HorizontalPodAutoscaler(int minReplicas, int maxReplicas, int targetCpuUtilizationPercent,
        HpaBehavior behavior, CpuReplicaCalculator calculator)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minReplicas, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxReplicas, minReplicas);
        ArgumentOutOfRangeException.ThrowIfLessThan(targetCpuUtilizationPercent, 1);
        MinReplicas = minReplicas;
        MaxReplicas = maxReplicas;
        TargetCpuUtilizationPercent = targetCpuUtilizationPercent;
        _behavior = behavior;
        _calculator = calculator;
    }

    public int MinReplicas { get; }
    public int MaxReplicas { get; }
    public int TargetCpuUtilizationPercent { get; }

    /// <summary>One sync at <paramref name="now"/> for a target with <paramref name="currentReplicas"/> replicas and these pods.</summary>
    public HpaDecision Sync(Instant now, int currentReplicas, IReadOnlyList<HpaPod> pods, long cpuRequestMillicores)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(currentReplicas);
        HpaDecision decision;
        if (currentReplicas == 0)
        {
            decision = new(HpaPath.Deactivated, 0, 0, null, 0, null, null, HpaLimit.None);
        }
        else if (currentReplicas > MaxReplicas || currentReplicas < MinReplicas)
        {
            int bound = currentReplicas > MaxReplicas ? MaxReplicas : MinReplicas;
            decision = new(HpaPath.OutOfBounds, currentReplicas, bound, null, bound, null, null, HpaLimit.None);
        }
        else if (_calculator.Recommend(now, currentReplicas, pods, cpuRequestMillicores, TargetCpuUtilizationPercent) is not { } metric)
        {
            decision = new(HpaPath.NoMetrics, currentReplicas, currentReplicas, null, currentReplicas, null, null, HpaLimit.None);
        }
        else
        {
            int stabilized = Stabilize(now, currentReplicas, metric.Replicas);
            decision = ApplyPolicies(now, currentReplicas, stabilized, metric);
        }
        if (decision.Rescale) RecordScaleEvent(now, currentReplicas, decision.DesiredReplicas);
        return decision;
    }

    // horizontal.go stabilizeRecommendationWithBehaviors: the recommendation stays between the lowest
    // recommendation within the scale-up window and the highest within the scale-down window (MODEL_FACTS §5:
    // 300 s down, none up), both windows including this sync's recommendation, which is then recorded.
    private int Stabilize(Instant now, int current, int recommended)
    {
        var upCutoff = now - _behavior.ScaleUp.StabilizationWindow;
        var downCutoff = now - _behavior.ScaleDown.StabilizationWindow;
        int upFloor = recommended, downCeiling = recommended;
        foreach (var (at, replicas) in _recommendations)
        {
            // Strictly after the cutoff (rec.timestamp.After(cutoff)).
            if (at > upCutoff) upFloor = Math.Min(upFloor, replicas);
            if (at > downCutoff) downCeiling = Math.Max(downCeiling, replicas);
        }
        _recommendations.RemoveAll(r => r.At <= upCutoff && r.At <= downCutoff);
        _recommendations.Add((now, recommended));
        return Math.Min(Math.Max(current, upFloor), downCeiling);
    }

    // horizontal.go convertDesiredReplicasWithBehaviorRate.
    private HpaDecision ApplyPolicies(Instant now, int current, int stabilized, CpuRecommendation metric)
    {
        if (stabilized > current)
        {
            int limit = Math.Max(ScaleUpLimit(now, current), current); // never below current until old events age out
            var (ceiling, reason) = MaxReplicas > limit ? (limit, HpaLimit.ScaleUpLimit) : (MaxReplicas, HpaLimit.TooManyReplicas);
            return stabilized > ceiling
                ? new(HpaPath.Metrics, current, ceiling, metric, stabilized, limit, null, reason)
                : new(HpaPath.Metrics, current, stabilized, metric, stabilized, limit, null, HpaLimit.None);
        }
        if (stabilized < current)
        {
            int limit = Math.Min(ScaleDownLimit(now, current), current);
            var (floor, reason) = MinReplicas < limit ? (limit, HpaLimit.ScaleDownLimit) : (MinReplicas, HpaLimit.TooFewReplicas);
            return stabilized < floor
                ? new(HpaPath.Metrics, current, floor, metric, stabilized, null, limit, reason)
                : new(HpaPath.Metrics, current, stabilized, metric, stabilized, null, limit, HpaLimit.None);
        }
        return new(HpaPath.Metrics, current, current, metric, stabilized, null, null, HpaLimit.None);
    }

    // horizontal.go calculateScaleUpLimitWithScalingRules: per policy, the replicas at the start of its
    // period plus what it allows (Percent rounds up, so a scale-up always adds at least one pod).
    private int ScaleUpLimit(Instant now, int current)
    {
        var rules = _behavior.ScaleUp;
        if (rules.SelectPolicy == HpaSelectPolicy.Disabled) return current;
        int? result = null;
        foreach (var policy in rules.Policies)
        {
            int periodStart = current - ChangeWithin(_scaleUps, now, policy.Period) + ChangeWithin(_scaleDowns, now, policy.Period);
            int proposed = policy.Type == HpaPolicyType.Pods
                ? periodStart + policy.Value
                : (int)Math.Ceiling(periodStart * (1 + policy.Value / 100.0));
            result = result is not { } r ? proposed
                : rules.SelectPolicy == HpaSelectPolicy.Min ? Math.Min(r, proposed) : Math.Max(r, proposed);
        }
        return result ?? current;
    }

    // horizontal.go calculateScaleDownLimitWithBehaviors: Percent truncates the replicas left.
    private int ScaleDownLimit(Instant now, int current)
    {
        var rules = _behavior.ScaleDown;
        if (rules.SelectPolicy == HpaSelectPolicy.Disabled) return current;
        int? result = null;
        foreach (var policy in rules.Policies)
        {
            int periodStart = current - ChangeWithin(_scaleUps, now, policy.Period) + ChangeWithin(_scaleDowns, now, policy.Period);
            int proposed = policy.Type == HpaPolicyType.Pods
                ? periodStart - policy.Value
                : (int)(periodStart * (1 - policy.Value / 100.0));
            // Max picks the largest change, i.e. the fewest replicas left.
            result = result is not { } r ? proposed
                : rules.SelectPolicy == HpaSelectPolicy.Min ? Math.Max(r, proposed) : Math.Min(r, proposed);
        }
        return result ?? current;
    }

    // getReplicasChangePerPeriod: events strictly after now − period.
    private static int ChangeWithin(List<(Instant At, int Change)> events, Instant now, Duration period)
    {
        var cutoff = now - period;
        int sum = 0;
        foreach (var (at, change) in events)
            if (at > cutoff) sum += change;
        return sum;
    }

    // storeScaleEvent. Kubernetes overwrites one outdated slot per new event; keeping every event within the
    // longest period of either direction (both lists feed both limits) gives the same sums whenever no
    // outdated slot was overwritten while a longer period of the other direction still needed it.
    private void RecordScaleEvent(Instant now, int previous, int next)
    {
        var horizon = now - Duration.Max(_behavior.ScaleUp.LongestPeriod, _behavior.ScaleDown.LongestPeriod);
        _scaleUps.RemoveAll(e => e.At <= horizon);
        _scaleDowns.RemoveAll(e => e.At <= horizon);
        if (next > previous) _scaleUps.Add((now, next - previous));
        else _scaleDowns.Add((now, previous - next));
    }
}

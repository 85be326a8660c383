using IngressSim.Engine.Time;
using IngressSim.Model.Workloads.Autoscaling;

namespace IngressSim.Model.Metrics;

/// <summary>
/// One HorizontalPodAutoscaler sync that rescaled its target, with what the calculation saw (for the
/// narrative and <c>explain</c>): the decision itself, and the HPA's target, bounds and tolerance.
/// Only rescales are kept — a sync that changes nothing is the common case and would swamp the log.
/// </summary>
/// <param name="Service">The scale target's Service key (namespace/name).</param>
/// <param name="TargetUtilizationPercent">The HPA's averageUtilization target, % of the CPU request.</param>
/// <param name="Tolerance">No change while |1 − ratio| ≤ tolerance (MODEL_FACTS §5: 0.1).</param>
public sealed record HpaScaleRecord(
    Instant At, string Service, int TargetUtilizationPercent, double Tolerance, int MinReplicas, int MaxReplicas,
    HpaDecision Decision)
{
    public int Change => Decision.DesiredReplicas - Decision.CurrentReplicas;
}

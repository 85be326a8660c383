namespace IngressSim.Model.Workloads.Autoscaling;

/// <summary>Why the desired count differs from the stabilised recommendation (the HPA's ScalingLimited reasons).</summary>
public enum HpaLimit
{
    /// <summary>"DesiredWithinRange".</summary>
    None,
    /// <summary>Scale-up policies allow no more within their periods.</summary>
    ScaleUpLimit,
    /// <summary>Capped at maxReplicas.</summary>
    TooManyReplicas,
    /// <summary>Scale-down policies allow no fewer within their periods.</summary>
    ScaleDownLimit,
    /// <summary>Raised to minReplicas.</summary>
    TooFewReplicas,
}

/// <summary>Which path of the HPA sync produced the decision.</summary>
public enum HpaPath
{
    /// <summary>Metrics, stabilisation, then policies and bounds.</summary>
    Metrics,
    /// <summary>The target was scaled to 0 while minReplicas &gt; 0: the HPA leaves it alone (WEB HPA "Implicit maintenance-mode deactivation").</summary>
    Deactivated,
    /// <summary>The current count is outside [min, max]: moved straight to the bound.</summary>
    OutOfBounds,
    /// <summary>No counted pod had a CPU sample: no recommendation, no change.</summary>
    NoMetrics,
}

/// <summary>
/// One HPA sync: the replicas it sets and how it got there (for the "explain" view).
/// </summary>
/// <param name="CurrentReplicas">The scale target's replicas before the sync.</param>
/// <param name="DesiredReplicas">The replicas the HPA sets (equal to current when it does not scale).</param>
/// <param name="Metric">The CPU calculation; null unless <paramref name="Path"/> is Metrics.</param>
/// <param name="StabilizedReplicas">The recommendation after the stabilisation windows.</param>
/// <param name="ScaleUpLimit">The most replicas the scale-up policies allowed, when scaling up.</param>
/// <param name="ScaleDownLimit">The fewest replicas the scale-down policies allowed, when scaling down.</param>
public sealed record HpaDecision(
    HpaPath Path, int CurrentReplicas, int DesiredReplicas, CpuRecommendation? Metric,
    int StabilizedReplicas, int? ScaleUpLimit, int? ScaleDownLimit, HpaLimit Limit)
{
    public bool Rescale => DesiredReplicas != CurrentReplicas;
}

using IngressSim.Engine.Time;
using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Units;

namespace IngressSim.Scenarios.Cluster;

/// <summary>Controller-manager and metrics-server settings for every HPA (MODEL_FACTS §5).</summary>
public sealed record AutoscalingSpec
{
    /// <summary>MODEL_FACTS §5: HPA sync period 15 s.</summary>
    [Limits("1s", "1h")] public Duration SyncPeriod { get; init; } = Duration.FromSeconds(15);

    /// <summary>MODEL_FACTS §5: no action if |1 − ratio| ≤ 0.1.</summary>
    [Limits("0%", "100%")] public Percentage Tolerance { get; init; } = Percentage.FromPercent(10);

    /// <summary>MODEL_FACTS §5: shipped metrics-server manifests use --metric-resolution=15s.</summary>
    [Limits("1s", "1h")] public Duration MetricsResolution { get; init; } = Duration.FromSeconds(15);

    /// <summary>MODEL_FACTS §5: scale-down stabilization 300 s (HPA behavior in a manifest overrides it).</summary>
    [Limits("0s", "1d")] public Duration ScaleDownStabilization { get; init; } = Duration.FromSeconds(300);

    /// <summary>MODEL_FACTS §5: cpu initialization period 5 min.</summary>
    [Limits("0s", "1d")] public Duration CpuInitializationPeriod { get; init; } = Duration.FromMinutes(5);

    /// <summary>MODEL_FACTS §5: initial readiness delay 30 s.</summary>
    [Limits("0s", "1d")] public Duration InitialReadinessDelay { get; init; } = Duration.FromSeconds(30);
}

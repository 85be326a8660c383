namespace IngressSim.Kubernetes.Autoscaling;

/// <summary>autoscaling/v2 HorizontalPodAutoscaler (MODEL_FACTS §5 gives the controller's algorithm).</summary>
public sealed record HorizontalPodAutoscaler : KubernetesObject
{
    public HorizontalPodAutoscalerSpec Spec { get; init; } = new();
}

public sealed record HorizontalPodAutoscalerSpec
{
    public CrossVersionObjectReference ScaleTargetRef { get; init; } = new();

    /// <summary>Null when omitted; Kubernetes then defaults it to 1.</summary>
    public int? MinReplicas { get; init; }
    public int MaxReplicas { get; init; }

    public IReadOnlyList<MetricSpec> Metrics { get; init; } = [];
    public HorizontalPodAutoscalerBehavior? Behavior { get; init; }
}

public sealed record CrossVersionObjectReference
{
    public string ApiVersion { get; init; } = "";
    public string Kind { get; init; } = "";
    public string Name { get; init; } = "";
}

/// <summary>One metric; the simulator models type Resource (cpu) with a Utilization target.</summary>
public sealed record MetricSpec
{
    public string Type { get; init; } = "";
    public ResourceMetricSource? Resource { get; init; }
}

public sealed record ResourceMetricSource
{
    public string Name { get; init; } = "";
    public MetricTarget Target { get; init; } = new();
}

public sealed record MetricTarget
{
    /// <summary>Utilization, AverageValue or Value.</summary>
    public string Type { get; init; } = "";
    public int? AverageUtilization { get; init; }
    public string? AverageValue { get; init; }
    public string? Value { get; init; }
}

public sealed record HorizontalPodAutoscalerBehavior
{
    public HpaScalingRules? ScaleUp { get; init; }
    public HpaScalingRules? ScaleDown { get; init; }
}

/// <summary>Nulls take the controller defaults (MODEL_FACTS §5: scale-down window 300 s, scale-up 0 s, selectPolicy Max).</summary>
public sealed record HpaScalingRules
{
    public int? StabilizationWindowSeconds { get; init; }

    /// <summary>Max (default), Min or Disabled.</summary>
    public string? SelectPolicy { get; init; }

    public IReadOnlyList<HpaScalingPolicy> Policies { get; init; } = [];
}

public sealed record HpaScalingPolicy
{
    /// <summary>Pods or Percent.</summary>
    public string Type { get; init; } = "";
    public int Value { get; init; }
    public int PeriodSeconds { get; init; }
}

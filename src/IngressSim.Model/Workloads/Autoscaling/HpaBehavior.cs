using IngressSim.Engine.Time;
using K8s = IngressSim.Kubernetes.Autoscaling;

namespace IngressSim.Model.Workloads.Autoscaling;

public enum HpaPolicyType { Pods, Percent }

/// <summary>Which policy wins when several apply: the largest change (Max, default), the smallest (Min), or none (Disabled).</summary>
public enum HpaSelectPolicy { Max, Min, Disabled }

/// <summary>At most <paramref name="Value"/> pods or percent of change within any <paramref name="Period"/>.</summary>
public readonly record struct HpaScalingPolicy(HpaPolicyType Type, int Value, Duration Period);

/// <summary>autoscaling/v2 HPAScalingRules for one direction, with every default filled in.</summary>
public sealed record HpaScalingRules(Duration StabilizationWindow, HpaSelectPolicy SelectPolicy, IReadOnlyList<HpaScalingPolicy> Policies)
{
    /// <summary>The longest policy period: scale events older than that no longer limit anything.</summary>
    public Duration LongestPeriod => Policies.Count == 0 ? Duration.Zero : Policies.Max(p => p.Period);
}

/// <summary>
/// autoscaling/v2 behavior. Defaults (kubernetes pkg/apis/autoscaling/v2/defaults.go, WEB HPA docs
/// "Default Behavior", MODEL_FACTS §5): scale-up no stabilization, 4 pods or 100 % per 15 s, selectPolicy
/// Max; scale-down 100 % per 15 s, stabilization from the controller's
/// <c>--horizontal-pod-autoscaler-downscale-stabilization</c> (300 s).
/// </summary>
public sealed record HpaBehavior(HpaScalingRules ScaleUp, HpaScalingRules ScaleDown)
{
    private static readonly Duration DefaultPeriod = Duration.FromSeconds(15);

    private static HpaScalingRules DefaultScaleUp => new(Duration.Zero, HpaSelectPolicy.Max,
        [new HpaScalingPolicy(HpaPolicyType.Pods, 4, DefaultPeriod), new HpaScalingPolicy(HpaPolicyType.Percent, 100, DefaultPeriod)]);

    private static HpaScalingRules DefaultScaleDown(Duration stabilization) => new(stabilization, HpaSelectPolicy.Max,
        [new HpaScalingPolicy(HpaPolicyType.Percent, 100, DefaultPeriod)]);

    public static HpaBehavior Default(Duration scaleDownStabilization) => new(DefaultScaleUp, DefaultScaleDown(scaleDownStabilization));

    /// <summary>
    /// A manifest's behavior with every field it leaves out taken from the defaults, field by field
    /// (defaults.go copyHPAScalingRules). <paramref name="scaleDownStabilization"/> is the controller flag
    /// used when scaleDown.stabilizationWindowSeconds is absent.
    /// </summary>
    public static HpaBehavior From(K8s.HorizontalPodAutoscalerBehavior? behavior, Duration scaleDownStabilization) => new(
        Merge(behavior?.ScaleUp, DefaultScaleUp),
        Merge(behavior?.ScaleDown, DefaultScaleDown(scaleDownStabilization)));

    private static HpaScalingRules Merge(K8s.HpaScalingRules? rules, HpaScalingRules defaults) => rules is null ? defaults : new(
        rules.StabilizationWindowSeconds is int seconds ? Duration.FromSeconds(seconds) : defaults.StabilizationWindow,
        rules.SelectPolicy is { } select ? ParseSelectPolicy(select) : defaults.SelectPolicy,
        rules.Policies.Count > 0 ? [.. rules.Policies.Select(ToPolicy)] : defaults.Policies);

    private static HpaSelectPolicy ParseSelectPolicy(string value) => value switch
    {
        "Max" => HpaSelectPolicy.Max,
        "Min" => HpaSelectPolicy.Min,
        "Disabled" => HpaSelectPolicy.Disabled,
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "selectPolicy is Max, Min or Disabled"),
    };

    private static HpaScalingPolicy ToPolicy(K8s.HpaScalingPolicy policy) => new(
        policy.Type switch
        {
            "Pods" => HpaPolicyType.Pods,
            "Percent" => HpaPolicyType.Percent,
            _ => throw new ArgumentOutOfRangeException(nameof(policy), policy.Type, "a scaling policy type is Pods or Percent"),
        },
        policy.Value,
        Duration.FromSeconds(policy.PeriodSeconds));
}

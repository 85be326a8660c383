using IngressSim.Engine.Time;
using IngressSim.Model.Workloads.Autoscaling;
using K8s = IngressSim.Kubernetes.Autoscaling;

namespace IngressSim.Model.Tests.ControlPlane;

public class HorizontalPodAutoscalerTests
{
    private static readonly Instant T0 = Instant.FromSeconds(3600);
    private static readonly Duration Window = Duration.FromSeconds(15);

    // MODEL_FACTS §5 defaults.
    private static readonly CpuReplicaCalculator Calculator = new(0.1, Duration.FromMinutes(5), Duration.FromSeconds(30));

    private static HorizontalPodAutoscaler Hpa(int min, int max, int target, HpaBehavior? behavior = null) =>
        new(min, max, target, behavior ?? HpaBehavior.Default(Duration.FromSeconds(300)), Calculator);

    /// <summary>A pod running and ready for an hour, with a fresh sample.</summary>
    private static HpaPod Steady(Instant now, long millicores) =>
        new(HpaPodPhase.Running, now - Duration.FromHours(1), true, now - Duration.FromHours(1), new CpuSample(millicores, now, Window));

    private static HpaPod[] SteadyPods(Instant now, params long[] millicores) => [.. millicores.Select(m => Steady(now, m))];

    private static HpaPod Pending(Instant now) => new(HpaPodPhase.Pending, now, false, now, null);

    private static HpaPod Missing(Instant now) => Steady(now, 0) with { Cpu = null };

    /// <summary>n pods sharing <paramref name="total"/> millicores as evenly as integers allow.</summary>
    private static HpaPod[] Sharing(Instant now, int n, long total) =>
        [.. Enumerable.Range(0, n).Select(i => Steady(now, total / n + (i < total % n ? 1 : 0)))];

    // ---- replica calculation (replica_calculator.go; WEB HPA "Algorithm details") ----

    [Fact]
    public void Recommend_DocsExample_DoubleUsageDoublesReplicas()
    {
        // "current metric value 200m, desired 100m: the number of replicas will be doubled".
        var r = Calculator.Recommend(T0, 4, SteadyPods(T0, 200, 200, 200, 200), cpuRequestMillicores: 100, targetUtilizationPercent: 100)!;
        Assert.Equal(8, r.Replicas);
        Assert.Equal(200, r.UtilizationPercent);
        Assert.Equal(2.0, r.UsageRatio);
        Assert.Equal(RecommendationOutcome.Scaled, r.Outcome);
    }

    [Fact]
    public void Recommend_DocsExample_HalfUsageHalvesReplicas()
    {
        // "If the current value is instead 50m, you'll halve the number of replicas".
        var r = Calculator.Recommend(T0, 4, SteadyPods(T0, 50, 50, 50, 50), 100, 100)!;
        Assert.Equal(2, r.Replicas);
    }

    [Fact]
    public void Recommend_WalkthroughExample_305PercentOfA50PercentTargetIsSevenReplicas()
    {
        // horizontal-pod-autoscale-walkthrough.md: one pod at 305 % of its 200m request, target 50 % → 7.
        var r = Calculator.Recommend(T0, 1, SteadyPods(T0, 610), 200, 50)!;
        Assert.Equal(305, r.UtilizationPercent);
        Assert.Equal(7, r.Replicas);
    }

    [Theory]
    [InlineData(55, 10, RecommendationOutcome.WithinTolerance)] // ratio 1.1: |1 − 1.1| ≤ 0.1
    [InlineData(45, 10, RecommendationOutcome.WithinTolerance)] // ratio 0.9
    [InlineData(56, 12, RecommendationOutcome.Scaled)]          // ratio 1.12 → ceil(11.2)
    [InlineData(44, 9, RecommendationOutcome.Scaled)]           // ratio 0.88 → ceil(8.8)
    public void Recommend_Tolerance(long perPod, int expected, RecommendationOutcome outcome)
    {
        var r = Calculator.Recommend(T0, 10, SteadyPods(T0, [.. Enumerable.Repeat(perPod, 10)]), 100, 50)!;
        Assert.Equal(expected, r.Replicas);
        Assert.Equal(outcome, r.Outcome);
    }

    [Fact]
    public void Recommend_UtilizationIsTruncatedToWholePercent()
    {
        // 199m of 200m requested is 99 %, not 99.5 % (utilization.go integer percentage).
        var r = Calculator.Recommend(T0, 2, SteadyPods(T0, 100, 99), 100, 50)!;
        Assert.Equal(99, r.UtilizationPercent);
        Assert.Equal(1.98, r.UsageRatio);
        Assert.Equal(4, r.Replicas);
    }

    [Fact]
    public void Recommend_MissingMetricsOnScaleDown_CountAs100Percent()
    {
        var pods = SteadyPods(T0, 10, 10, 10).Append(Missing(T0)).ToArray();
        var r = Calculator.Recommend(T0, 4, pods, 100, 50)!;
        Assert.Equal(0.2, r.UsageRatio);         // 10 % of a 50 % target over the 3 sampled pods
        Assert.Equal(0.64, r.CorrectedUsageRatio); // (30 + 100) / 4 = 32 %
        Assert.Equal(3, r.Replicas);               // ceil(0.64 × 4), not ceil(0.2 × 3) = 1
        Assert.Equal(1, r.MissingPods);
    }

    [Fact]
    public void Recommend_MissingMetricsOnScaleDown_WithTargetAbove100_CountAtTheTarget()
    {
        // replica_calculator.go: fallback utilisation max(100, target).
        var pods = SteadyPods(T0, 30, 30, 30).Append(Missing(T0)).ToArray();
        var r = Calculator.Recommend(T0, 4, pods, 100, 150)!;
        Assert.Equal(0.2, r.UsageRatio);
        Assert.Equal(60 / 150.0, r.CorrectedUsageRatio); // (90 + 150) / 4 = 60 %
        Assert.Equal(2, r.Replicas);
    }

    [Fact]
    public void Recommend_MissingMetricsOnScaleUp_CountAsZero()
    {
        var pods = SteadyPods(T0, 100, 100, 100).Append(Missing(T0)).ToArray();
        var r = Calculator.Recommend(T0, 4, pods, 100, 50)!;
        Assert.Equal(1.5, r.CorrectedUsageRatio); // 300 / 4 = 75 %
        Assert.Equal(6, r.Replicas);
    }

    [Fact]
    public void Recommend_NotYetReadyPodsOnScaleUp_CountAsZero()
    {
        var pods = SteadyPods(T0, 100, 100, 100).Append(Pending(T0)).ToArray();
        var r = Calculator.Recommend(T0, 4, pods, 100, 50)!;
        Assert.Equal(2.0, r.UsageRatio);
        Assert.Equal(1.5, r.CorrectedUsageRatio);
        Assert.Equal(6, r.Replicas);
        Assert.Equal(1, r.UnreadyPods);
    }

    [Fact]
    public void Recommend_NotYetReadyPodsOnScaleDown_AreLeftOut()
    {
        var pods = SteadyPods(T0, 20, 20).Concat([Pending(T0), Pending(T0)]).ToArray();
        var r = Calculator.Recommend(T0, 4, pods, 100, 50)!;
        Assert.Null(r.CorrectedUsageRatio);
        Assert.Equal(1, r.Replicas); // ceil(0.4 × 2 ready pods)
    }

    [Fact]
    public void Recommend_CorrectionFlipsDirection_KeepsCurrent()
    {
        // 2 ready pods at 120 % of target; 2 starting pods at 0 % bring it to 60 %: the scale-up is cancelled.
        var pods = SteadyPods(T0, 60, 60).Concat([Pending(T0), Pending(T0)]).ToArray();
        var r = Calculator.Recommend(T0, 4, pods, 100, 50)!;
        Assert.Equal(1.2, r.UsageRatio);
        Assert.Equal(0.6, r.CorrectedUsageRatio);
        Assert.Equal(4, r.Replicas);
        Assert.Equal(RecommendationOutcome.CorrectionCancelled, r.Outcome);
    }

    [Fact]
    public void Recommend_CorrectionWithinTolerance_KeepsCurrent()
    {
        // 3 pods at 140 % of target and one missing: (210 + 0) / 4 = 52 % → ratio 1.04, within tolerance.
        var pods = SteadyPods(T0, 70, 70, 70).Append(Missing(T0)).ToArray();
        var r = Calculator.Recommend(T0, 4, pods, 100, 50)!;
        Assert.Equal(RecommendationOutcome.CorrectionCancelled, r.Outcome);
        Assert.Equal(4, r.Replicas);
    }

    [Fact]
    public void Recommend_CorrectedCountAgainstTheDirection_KeepsCurrent()
    {
        // Ratio 2 says scale up, but the corrected count ceil(1.5 × 4 counted pods) = 6 is below the current 7.
        var pods = SteadyPods(T0, 100, 100, 100).Append(Missing(T0)).ToArray();
        var r = Calculator.Recommend(T0, 7, pods, 100, 50)!;
        Assert.Equal(RecommendationOutcome.DirectionReversed, r.Outcome);
        Assert.Equal(7, r.Replicas);
    }

    [Fact]
    public void Recommend_TerminatingPodsAreDiscarded()
    {
        var pods = SteadyPods(T0, 100, 100).Append(Steady(T0, 0) with { Phase = HpaPodPhase.Terminating }).ToArray();
        var r = Calculator.Recommend(T0, 3, pods, 100, 50)!;
        Assert.Equal(1, r.IgnoredPods);
        Assert.Equal(4, r.Replicas); // ratio 2 × 2 counted pods
    }

    [Fact]
    public void Recommend_NoSampledReadyPod_IsNull() =>
        Assert.Null(Calculator.Recommend(T0, 2, [Pending(T0), Missing(T0)], 100, 50));

    [Fact]
    public void Recommend_CpuInitializationPeriod_SampleMustCoverAWindowAfterReady()
    {
        var started = T0 - Duration.FromSeconds(60);
        var readyAt = T0 - Duration.FromSeconds(20);
        // Within the 5 min initialisation period: a sample ending less than one window (15 s) after the pod
        // became ready includes start-up CPU and is set aside.
        var early = new HpaPod(HpaPodPhase.Running, started, true, readyAt, new CpuSample(500, readyAt + Duration.FromSeconds(10), Window));
        var late = early with { Cpu = new CpuSample(500, readyAt + Duration.FromSeconds(15), Window) };
        var steady = Steady(T0, 100);
        Assert.Equal(1, Calculator.Recommend(T0, 2, [steady, early], 100, 50)!.UnreadyPods);
        Assert.Equal(0, Calculator.Recommend(T0, 2, [steady, late], 100, 50)!.UnreadyPods);
        // Unready within the period is always set aside.
        Assert.Equal(1, Calculator.Recommend(T0, 2, [steady, late with { Ready = false }], 100, 50)!.UnreadyPods);
    }

    [Fact]
    public void Recommend_AfterInitialization_UnreadyCountsOnlyIfItWasNeverReady()
    {
        var started = T0 - Duration.FromMinutes(10);
        var sample = new CpuSample(100, T0, Window);
        // Turned unready 10 s after starting (< 30 s initial readiness delay): never ready, set aside.
        var neverReady = new HpaPod(HpaPodPhase.Running, started, false, started + Duration.FromSeconds(10), sample);
        // Turned unready later: it was ready before, so its sample counts.
        var wasReady = neverReady with { ReadyTransition = started + Duration.FromMinutes(2) };
        var steady = Steady(T0, 100);
        Assert.Equal(1, Calculator.Recommend(T0, 2, [steady, neverReady], 100, 50)!.UnreadyPods);
        Assert.Equal(2, Calculator.Recommend(T0, 2, [steady, wasReady], 100, 50)!.ReadyPods);
    }

    // ---- the sync: stabilisation, policies, bounds (horizontal.go) ----

    [Fact]
    public void Sync_DefaultScaleUp_AtMost4PodsOr100PercentPer15s()
    {
        var hpa = Hpa(1, 20, 50);
        // The walkthrough's 305 %: the calculation asks for 7, the first sync allows max(1 + 4, 2 × 1) = 5.
        var first = hpa.Sync(T0, 1, SteadyPods(T0, 610), 200);
        Assert.Equal(7, first.Metric!.Replicas);
        Assert.Equal(5, first.ScaleUpLimit);
        Assert.Equal(5, first.DesiredReplicas);
        Assert.Equal(HpaLimit.ScaleUpLimit, first.Limit);

        // 5 s later the 15 s period still holds the +4: no more pods.
        var t1 = T0 + Duration.FromSeconds(5);
        var second = hpa.Sync(t1, 5, Sharing(t1, 5, 4000), 200);
        Assert.Equal(5, second.DesiredReplicas);
        Assert.False(second.Rescale);

        // 15 s after the first scale-up its event leaves the period: max(5 + 4, 2 × 5) = 10.
        var t2 = T0 + Duration.FromSeconds(15);
        var third = hpa.Sync(t2, 5, Sharing(t2, 5, 4000), 200); // 400 % of target → 20
        Assert.Equal(10, third.ScaleUpLimit);
        Assert.Equal(10, third.DesiredReplicas);
    }

    [Fact]
    public void Sync_MaxReplicas_CapsTheScaleUp()
    {
        var hpa = Hpa(1, 6, 50);
        var d = hpa.Sync(T0, 4, SteadyPods(T0, 200, 200, 200, 200), 100);
        Assert.Equal(6, d.DesiredReplicas);
        Assert.Equal(HpaLimit.TooManyReplicas, d.Limit);
    }

    [Fact]
    public void Sync_ScaleDown_WaitsForTheStabilizationWindow()
    {
        var hpa = Hpa(2, 20, 50);
        Assert.False(hpa.Sync(T0, 10, SteadyPods(T0, [.. Enumerable.Repeat(50L, 10)]), 100).Rescale); // on target: 10
        for (int s = 15; s < 300; s += 15)
        {
            var t = T0 + Duration.FromSeconds(s);
            var held = hpa.Sync(t, 10, SteadyPods(t, [.. Enumerable.Repeat(20L, 10)]), 100); // wants 4
            Assert.Equal(4, held.Metric!.Replicas);
            Assert.Equal(10, held.DesiredReplicas);
        }
        // At 300 s the recommendation of 10 is exactly one window old, so no longer inside it.
        var t300 = T0 + Duration.FromSeconds(300);
        var released = hpa.Sync(t300, 10, SteadyPods(t300, [.. Enumerable.Repeat(20L, 10)]), 100);
        Assert.Equal(4, released.DesiredReplicas);
        Assert.Equal(HpaLimit.None, released.Limit);
    }

    [Fact]
    public void Sync_ScaleDown_StabilizationTakesTheHighestRecentRecommendation()
    {
        var hpa = Hpa(1, 20, 50);
        hpa.Sync(T0, 10, SteadyPods(T0, [.. Enumerable.Repeat(50L, 10)]), 100);
        var t1 = T0 + Duration.FromSeconds(15);
        hpa.Sync(t1, 10, SteadyPods(t1, [.. Enumerable.Repeat(40L, 10)]), 100); // wants 8
        var t2 = T0 + Duration.FromSeconds(301);
        var d = hpa.Sync(t2, 10, SteadyPods(t2, [.. Enumerable.Repeat(10L, 10)]), 100); // wants 2
        Assert.Equal(8, d.StabilizedReplicas);
        Assert.Equal(8, d.DesiredReplicas);
    }

    [Fact]
    public void Sync_DocsScaleDownPolicyExample_80To10()
    {
        // WEB HPA "Scaling policies": Pods 4 / 60 s and Percent 10 / 60 s, the larger change wins: 80 → 72 → 64
        // (10 % of 72 is 7.2, "rounded up to 8"), ... and below 40 replicas 4 at a time.
        var behavior = HpaBehavior.Default(Duration.Zero) with
        {
            ScaleDown = new HpaScalingRules(Duration.Zero, HpaSelectPolicy.Max,
                [new(HpaPolicyType.Pods, 4, Duration.FromSeconds(60)), new(HpaPolicyType.Percent, 10, Duration.FromSeconds(60))]),
        };
        var hpa = Hpa(1, 100, 100, behavior);
        int replicas = 80;
        var sequence = new List<int> { replicas };
        for (int step = 0; replicas != 10 && step < 30; step++)
        {
            var t = T0 + Duration.FromSeconds(60 * step);
            var d = hpa.Sync(t, replicas, Sharing(t, replicas, 1000), 100); // usage worth 10 pods at target
            Assert.Equal(10, d.Metric!.Replicas);
            replicas = d.DesiredReplicas;
            sequence.Add(replicas);
        }
        Assert.Equal([80, 72, 64, 57, 51, 45, 40, 36, 32, 28, 24, 20, 16, 12, 10], sequence);
    }

    [Fact]
    public void Sync_ScaleDownPolicy_CountsEarlierScaleDownsInItsPeriod()
    {
        var behavior = HpaBehavior.Default(Duration.Zero) with
        {
            ScaleDown = new HpaScalingRules(Duration.Zero, HpaSelectPolicy.Max, [new(HpaPolicyType.Pods, 4, Duration.FromSeconds(60))]),
        };
        var hpa = Hpa(1, 100, 100, behavior);
        Assert.Equal(16, hpa.Sync(T0, 20, Sharing(T0, 20, 200), 100).DesiredReplicas);
        var t1 = T0 + Duration.FromSeconds(30);
        var d = hpa.Sync(t1, 16, Sharing(t1, 16, 200), 100);
        Assert.Equal(16, d.DesiredReplicas);
        Assert.Equal(HpaLimit.ScaleDownLimit, d.Limit);
    }

    [Fact]
    public void Sync_SelectPolicyMin_TakesTheSmallerChange()
    {
        var behavior = HpaBehavior.Default(Duration.Zero) with
        {
            ScaleUp = new HpaScalingRules(Duration.Zero, HpaSelectPolicy.Min,
                [new(HpaPolicyType.Pods, 4, Duration.FromSeconds(15)), new(HpaPolicyType.Percent, 100, Duration.FromSeconds(15))]),
        };
        var d = Hpa(1, 100, 50, behavior).Sync(T0, 10, SteadyPods(T0, [.. Enumerable.Repeat(200L, 10)]), 100);
        Assert.Equal(14, d.DesiredReplicas); // min(10 + 4, 2 × 10)
    }

    [Fact]
    public void Sync_SelectPolicyDisabled_NeverScalesThatWay()
    {
        var behavior = HpaBehavior.Default(Duration.Zero) with
        {
            ScaleDown = new HpaScalingRules(Duration.Zero, HpaSelectPolicy.Disabled, [new(HpaPolicyType.Percent, 100, Duration.FromSeconds(15))]),
        };
        var d = Hpa(1, 100, 50, behavior).Sync(T0, 10, SteadyPods(T0, [.. Enumerable.Repeat(10L, 10)]), 100);
        Assert.Equal(10, d.DesiredReplicas);
        Assert.Equal(HpaLimit.ScaleDownLimit, d.Limit);
    }

    [Fact]
    public void Sync_MinReplicas_FloorsTheScaleDown()
    {
        var d = Hpa(3, 10, 50, HpaBehavior.Default(Duration.Zero)).Sync(T0, 6, SteadyPods(T0, [.. Enumerable.Repeat(5L, 6)]), 100);
        Assert.Equal(3, d.DesiredReplicas);
        Assert.Equal(HpaLimit.TooFewReplicas, d.Limit);
    }

    [Fact]
    public void Sync_OutsideTheBounds_MovesToTheBound()
    {
        var hpa = Hpa(2, 5, 50);
        var above = hpa.Sync(T0, 8, [], 100);
        Assert.Equal((HpaPath.OutOfBounds, 5), (above.Path, above.DesiredReplicas));
        var below = hpa.Sync(T0, 1, [], 100);
        Assert.Equal((HpaPath.OutOfBounds, 2), (below.Path, below.DesiredReplicas));
    }

    [Fact]
    public void Sync_TargetScaledToZero_HpaStaysOut()
    {
        var d = Hpa(2, 5, 50).Sync(T0, 0, [], 100);
        Assert.Equal((HpaPath.Deactivated, 0), (d.Path, d.DesiredReplicas));
    }

    [Fact]
    public void Sync_NoMetrics_KeepsTheCount()
    {
        var d = Hpa(1, 5, 50).Sync(T0, 3, [Pending(T0), Missing(T0), Missing(T0)], 100);
        Assert.Equal((HpaPath.NoMetrics, 3), (d.Path, d.DesiredReplicas));
    }

    // ---- behavior from a manifest (defaults.go) ----

    [Fact]
    public void BehaviorFrom_Null_IsTheDefault()
    {
        var b = HpaBehavior.From(null, Duration.FromSeconds(300));
        Assert.Equal(Duration.FromSeconds(300), b.ScaleDown.StabilizationWindow);
        Assert.Equal(Duration.Zero, b.ScaleUp.StabilizationWindow);
        Assert.Equal(HpaSelectPolicy.Max, b.ScaleUp.SelectPolicy);
        Assert.Equal([new HpaScalingPolicy(HpaPolicyType.Pods, 4, Window), new HpaScalingPolicy(HpaPolicyType.Percent, 100, Window)], b.ScaleUp.Policies);
        Assert.Equal([new HpaScalingPolicy(HpaPolicyType.Percent, 100, Window)], b.ScaleDown.Policies);
    }

    [Fact]
    public void BehaviorFrom_PartialRules_FillTheRestFromDefaults()
    {
        var b = HpaBehavior.From(new K8s.HorizontalPodAutoscalerBehavior
        {
            ScaleDown = new K8s.HpaScalingRules
            {
                SelectPolicy = "Min",
                Policies = [new K8s.HpaScalingPolicy { Type = "Pods", Value = 5, PeriodSeconds = 60 }],
            },
            ScaleUp = new K8s.HpaScalingRules { StabilizationWindowSeconds = 30 },
        }, Duration.FromSeconds(300));
        Assert.Equal(Duration.FromSeconds(300), b.ScaleDown.StabilizationWindow);
        Assert.Equal(HpaSelectPolicy.Min, b.ScaleDown.SelectPolicy);
        Assert.Equal([new HpaScalingPolicy(HpaPolicyType.Pods, 5, Duration.FromSeconds(60))], b.ScaleDown.Policies);
        Assert.Equal(Duration.FromSeconds(30), b.ScaleUp.StabilizationWindow);
        Assert.Equal(2, b.ScaleUp.Policies.Count);
    }

    [Fact]
    public void BehaviorFrom_UnknownPolicyType_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HpaBehavior.From(new K8s.HorizontalPodAutoscalerBehavior
        {
            ScaleUp = new K8s.HpaScalingRules { Policies = [new K8s.HpaScalingPolicy { Type = "Replicas", Value = 1, PeriodSeconds = 15 }] },
        }, Duration.Zero));
}

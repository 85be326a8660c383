using FsCheck.Xunit;
using IngressSim.Kubernetes.Meta;
using IngressSim.Model.Workloads.Rollouts;

namespace IngressSim.Model.Tests.ControlPlane;

public class RollingUpdateTests
{
    private static IntOrString Pct(int percent) => IntOrString.FromString($"{percent}%");

    private static RolloutState Start(int replicas) => new(0, 0, replicas, replicas);

    /// <summary>Applies a step; terminated old pods were available (all old pods are, in these tests).</summary>
    private static RolloutState Apply(RolloutStep step) => step.From with
    {
        NewReplicas = step.NewReplicas,
        NewAvailable = Math.Min(step.From.NewAvailable, step.NewReplicas),
        OldReplicas = step.OldReplicas,
        OldAvailable = Math.Min(step.From.OldAvailable, step.OldReplicas),
    };

    /// <summary>Runs syncs, making every new pod ready right after each one, until complete.</summary>
    private static List<(int New, int Old)> RunWithInstantReadiness(RollingUpdate rollout, int replicas)
    {
        var state = Start(replicas);
        var sequence = new List<(int, int)>();
        for (int i = 0; i < 100 && !rollout.IsComplete(state); i++)
        {
            state = Apply(rollout.Step(state));
            state = state with { NewAvailable = state.NewReplicas };
            sequence.Add((state.NewReplicas, state.OldReplicas));
        }
        Assert.True(rollout.IsComplete(state));
        return sequence;
    }

    [Fact]
    public void Bounds_Defaults25Percent_SurgeRoundsUpUnavailableDown()
    {
        var rollout = new RollingUpdate(10, null, null);
        Assert.Equal(3, rollout.MaxSurge);       // ceil(2.5)
        Assert.Equal(2, rollout.MaxUnavailable); // floor(2.5)
        Assert.Equal(8, rollout.MinAvailable);
    }

    [Fact]
    public void Bounds_BothRoundToZero_OneMayBeUnavailable()
    {
        // ResolveFenceposts: 25 % of 1 rounds down to 0 with maxSurge 0.
        var rollout = new RollingUpdate(1, IntOrString.FromInt(0), Pct(25));
        Assert.Equal(0, rollout.MaxSurge);
        Assert.Equal(1, rollout.MaxUnavailable);
    }

    [Fact]
    public void Bounds_BothZero_Rejected()
    {
        Assert.Throws<ArgumentException>(() => new RollingUpdate(4, IntOrString.FromInt(0), IntOrString.FromInt(0)));
        Assert.Throws<ArgumentException>(() => new RollingUpdate(4, Pct(0), IntOrString.FromInt(0)));
        Assert.Throws<ArgumentException>(() => new RollingUpdate(4, IntOrString.FromString("lots"), null));
    }

    [Fact]
    public void Bounds_MaxUnavailableAboveDesired_IsCapped() =>
        Assert.Equal(3, new RollingUpdate(3, null, IntOrString.FromInt(5)).MaxUnavailable);

    [Fact]
    public void Step_4Replicas25Percent_PodsNotReadyYet_AlternatesThenWaits()
    {
        var rollout = new RollingUpdate(4, Pct(25), Pct(25)); // surge 1, unavailable 1
        var s1 = rollout.Step(Start(4));
        Assert.Equal((1, 0), (s1.NewPodsToCreate, s1.OldPodsToTerminate));
        var s2 = rollout.Step(Apply(s1)); // at 5 pods: no room, so one old pod goes (4 available − 3 needed)
        Assert.Equal((0, 1), (s2.NewPodsToCreate, s2.OldPodsToTerminate));
        var s3 = rollout.Step(Apply(s2));
        Assert.Equal((1, 0), (s3.NewPodsToCreate, s3.OldPodsToTerminate));
        var s4 = rollout.Step(Apply(s3)); // 3 available = minimum, 2 new pods not ready: wait
        Assert.True(s4.ChangesNothing);
    }

    [Fact]
    public void Step_4Replicas25Percent_InstantReadiness()
    {
        var rollout = new RollingUpdate(4, Pct(25), Pct(25));
        Assert.Equal([(1, 4), (1, 2), (3, 2), (3, 0), (4, 0)], RunWithInstantReadiness(rollout, 4));
    }

    [Fact]
    public void Step_10Replicas_Surge1_Unavailable0_OneAtATime()
    {
        var rollout = new RollingUpdate(10, IntOrString.FromInt(1), IntOrString.FromInt(0));
        var expected = new List<(int, int)>();
        for (int i = 1; i <= 10; i++)
        {
            expected.Add((i, 11 - i));
            expected.Add((i, 10 - i));
        }
        Assert.Equal(expected, RunWithInstantReadiness(rollout, 10));
    }

    [Fact]
    public void Step_10Replicas_Surge1_Unavailable0_WaitsForEachNewPod()
    {
        var rollout = new RollingUpdate(10, IntOrString.FromInt(1), IntOrString.FromInt(0));
        var state = Apply(rollout.Step(Start(10)));
        Assert.Equal(new RolloutState(1, 0, 10, 10), state);
        Assert.True(rollout.Step(state).ChangesNothing);
        Assert.Equal(1, rollout.Step(state with { NewAvailable = 1 }).OldPodsToTerminate);
    }

    [Fact]
    public void Step_UnhealthyOldPods_AreCleanedUpFirst()
    {
        // Old pods crash-looping: 2 of 4 unavailable. After the surge pod, one unhealthy old pod is removed
        // (maxScaledDown = 5 − 3 − 1 = 1); available old pods are not touched (2 available < 3 needed).
        var rollout = new RollingUpdate(4, Pct(25), Pct(25));
        var state = Apply(rollout.Step(new RolloutState(0, 0, 4, 2)));
        Assert.Equal(new RolloutState(1, 0, 4, 2), state);
        var step = rollout.Step(state);
        Assert.Equal(3, step.OldReplicas);
    }

    [Fact]
    public void Step_NewReplicaSetAboveDesired_ScalesItDown()
    {
        var step = new RollingUpdate(4, null, null).Step(new RolloutState(6, 6, 0, 0));
        Assert.Equal((4, 2), (step.NewReplicas, step.NewPodsToRemove));
    }

    [Fact]
    public void Step_InconsistentState_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingUpdate(4, null, null).Step(new RolloutState(1, 2, 4, 4)));

    /// <summary>
    /// For any desired count, bounds (numbers or percentages) and order in which syncs and pod readiness
    /// interleave: the rollout never has more than desired + maxSurge pods, never fewer than desired −
    /// maxUnavailable available, and completes.
    /// </summary>
    [Property(MaxTest = 300)]
    public bool Step_NeverBreaksTheBounds_AndCompletes(byte replicasSeed, byte surgeSeed, byte unavailableSeed,
        bool surgeAsPercent, bool unavailableAsPercent, int orderSeed)
    {
        int replicas = 1 + replicasSeed % 30;
        IntOrString Bound(byte seed, bool percent) =>
            percent ? Pct(seed % 101) : IntOrString.FromInt(seed % (replicas + 2));
        var surge = Bound(surgeSeed, surgeAsPercent);
        var unavailable = Bound(unavailableSeed, unavailableAsPercent);
        if ((surge.Number == 0 || surge.Text == "0%") && (unavailable.Number == 0 || unavailable.Text == "0%"))
            unavailable = IntOrString.FromInt(1);

        var rollout = new RollingUpdate(replicas, surge, unavailable);
        var order = new Random(orderSeed);
        var state = Start(replicas);
        for (int i = 0; i < 10_000 && !rollout.IsComplete(state); i++)
        {
            bool podBecomesReady = state.NewAvailable < state.NewReplicas && order.Next(2) == 0;
            var step = rollout.Step(state);
            if (podBecomesReady || step.ChangesNothing)
            {
                if (state.NewAvailable == state.NewReplicas) return false; // stuck: nothing can happen
                state = state with { NewAvailable = state.NewAvailable + 1 };
            }
            else
            {
                state = Apply(step);
            }
            if (state.TotalReplicas > replicas + rollout.MaxSurge) return false;
            if (state.Available < replicas - rollout.MaxUnavailable) return false;
        }
        return rollout.IsComplete(state);
    }
}

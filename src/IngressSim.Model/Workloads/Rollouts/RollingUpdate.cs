using IngressSim.Kubernetes.Meta;

namespace IngressSim.Model.Workloads.Rollouts;

/// <summary>
/// The Deployment controller's RollingUpdate arithmetic (kubernetes pkg/controller/deployment/rolling.go
/// rolloutRolling, reconcileNewReplicaSet, reconcileOldReplicaSets, cleanupUnhealthyReplicas,
/// scaleDownOldReplicaSetsForRollingUpdate; util/deployment_util.go NewRSNewReplicas, ResolveFenceposts,
/// MaxUnavailable). Each sync either grows the new ReplicaSet up to desired + maxSurge pods in total, or —
/// when it cannot — shrinks the old ones while at least desired − maxUnavailable pods stay available.
/// The caller runs <see cref="Step"/> whenever a pod or ReplicaSet changes (the controller's watch).
/// </summary>
public sealed class RollingUpdate
{
    // apps/v1 defaults for both bounds (Deployment API reference; RollingUpdateDeployment in this repo).
    private static readonly IntOrString DefaultBound = IntOrString.FromString("25%");

    public RollingUpdate(int desiredReplicas, IntOrString? maxSurge, IntOrString? maxUnavailable)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(desiredReplicas);
        var surgeBound = maxSurge ?? DefaultBound;
        var unavailableBound = maxUnavailable ?? DefaultBound;
        // maxSurge rounds up, maxUnavailable down (apps/v1 RollingUpdateDeployment).
        if (!surgeBound.TryScale(desiredReplicas, roundUp: true, out int surge) || surge < 0)
            throw new ArgumentException($"maxSurge '{surgeBound}' is not a non-negative number or percentage", nameof(maxSurge));
        if (!unavailableBound.TryScale(desiredReplicas, roundUp: false, out int unavailable) || unavailable < 0)
            throw new ArgumentException($"maxUnavailable '{unavailableBound}' is not a non-negative number or percentage", nameof(maxUnavailable));
        if (IsZero(surgeBound) && IsZero(unavailableBound))
            throw new ArgumentException("maxSurge and maxUnavailable cannot both be 0 (apps/v1 validation)", nameof(maxUnavailable));

        DesiredReplicas = desiredReplicas;
        MaxSurge = surge;
        // ResolveFenceposts: when rounding makes both 0 (e.g. 25 % of 1 with maxSurge 0), allow 1 unavailable.
        if (surge == 0 && unavailable == 0) unavailable = 1;
        // MaxUnavailable(): never more than desired; 0 for a Deployment scaled to 0.
        MaxUnavailable = desiredReplicas == 0 ? 0 : Math.Min(unavailable, desiredReplicas);
    }

    public int DesiredReplicas { get; }

    /// <summary>Resolved maxSurge: pods allowed above desired.</summary>
    public int MaxSurge { get; }

    /// <summary>Resolved maxUnavailable: pods allowed below desired being available.</summary>
    public int MaxUnavailable { get; }

    /// <summary>Pods that must stay available: desired − maxUnavailable.</summary>
    public int MinAvailable => DesiredReplicas - MaxUnavailable;

    /// <summary>The new ReplicaSet has every replica, all available, and no old pod is left.</summary>
    public bool IsComplete(RolloutState state) =>
        state.NewReplicas == DesiredReplicas && state.NewAvailable == DesiredReplicas && state.OldReplicas == 0;

    public RolloutStep Step(RolloutState state)
    {
        Validate(state);
        // reconcileNewReplicaSet first; if it scaled, the sync ends there.
        if (state.NewReplicas > DesiredReplicas) return new(state, DesiredReplicas, state.OldReplicas);
        if (state.NewReplicas < DesiredReplicas)
        {
            // NewRSNewReplicas: up to desired + maxSurge pods over all ReplicaSets, and no more than desired.
            int room = DesiredReplicas + MaxSurge - state.TotalReplicas;
            if (room > 0) return new(state, state.NewReplicas + Math.Min(room, DesiredReplicas - state.NewReplicas), state.OldReplicas);
        }
        return new(state, state.NewReplicas, state.OldReplicas - OldPodsToScaleDown(state));
    }

    // reconcileOldReplicaSets.
    private int OldPodsToScaleDown(RolloutState state)
    {
        if (state.OldReplicas == 0) return 0;
        int newUnavailable = state.NewReplicas - state.NewAvailable;
        int maxScaledDown = state.TotalReplicas - MinAvailable - newUnavailable;
        if (maxScaledDown <= 0) return 0;
        // cleanupUnhealthyReplicas: unavailable old pods go first, within maxScaledDown; they never count as available.
        int cleanup = Math.Min(maxScaledDown, state.OldReplicas - state.OldAvailable);
        // scaleDownOldReplicaSetsForRollingUpdate: then available old pods, down to minAvailable overall.
        int scaleDown = Math.Clamp(state.Available - MinAvailable, 0, state.OldReplicas - cleanup);
        return cleanup + scaleDown;
    }

    private static void Validate(RolloutState s)
    {
        if (s.NewReplicas < 0 || s.OldReplicas < 0 || s.NewAvailable < 0 || s.OldAvailable < 0
            || s.NewAvailable > s.NewReplicas || s.OldAvailable > s.OldReplicas)
            throw new ArgumentOutOfRangeException(nameof(s), s, "counts are non-negative and available pods are among the replicas");
    }

    private static bool IsZero(IntOrString bound) => bound.Number == 0 || bound.Text == "0%";
}

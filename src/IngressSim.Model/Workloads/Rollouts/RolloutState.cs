namespace IngressSim.Model.Workloads.Rollouts;

/// <summary>
/// A Deployment mid-rollout, as its controller sees it: the new ReplicaSet and the old ones taken together.
/// Replica counts are ReplicaSet <c>spec.replicas</c> (pods being terminated no longer count); available
/// pods are ready (for minReadySeconds, default 0).
/// </summary>
public readonly record struct RolloutState(int NewReplicas, int NewAvailable, int OldReplicas, int OldAvailable)
{
    public int TotalReplicas => NewReplicas + OldReplicas;
    public int Available => NewAvailable + OldAvailable;
}

/// <summary>
/// One Deployment controller sync: the ReplicaSet sizes it sets, starting from <paramref name="From"/>.
/// Old pods to terminate are chosen by the ReplicaSet controller, unavailable ones first.
/// </summary>
public readonly record struct RolloutStep(RolloutState From, int NewReplicas, int OldReplicas)
{
    public int NewPodsToCreate => Math.Max(0, NewReplicas - From.NewReplicas);
    public int NewPodsToRemove => Math.Max(0, From.NewReplicas - NewReplicas);
    public int OldPodsToTerminate => From.OldReplicas - OldReplicas;
    public bool ChangesNothing => NewReplicas == From.NewReplicas && OldReplicas == From.OldReplicas;
}

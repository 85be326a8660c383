using IngressSim.Engine.Randomness;

namespace IngressSim.Experiments.Replications;

/// <summary>
/// The seed of replication i: derived from the scenario's seed and i alone, never from the variant, so
/// replication i of every variant draws the same arrivals and service times (common random numbers) and
/// their difference is the design's, not the dice's. Any replication can be rerun alone with
/// <c>ingress-sim run --variant V --seed S</c>.
/// </summary>
public static class ReplicationSeed
{
    public static ulong Of(ulong scenarioSeed, int replication)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(replication);
        return StreamSeed.Derive(scenarioSeed, $"replication/{replication}");
    }
}

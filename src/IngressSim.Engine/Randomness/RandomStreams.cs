namespace IngressSim.Engine.Randomness;

/// <summary>
/// The factory of a run's random streams: every entity asks for its stream by a stable key
/// (e.g. <c>"traffic/shop/arrivals"</c>). Two runs with the same seed hand out identical streams
/// whatever order the entities are created in.
/// </summary>
public sealed class RandomStreams(ulong seed)
{
    public ulong Seed { get; } = seed;

    public RandomStream For(string key) => new(Seed, key);
}

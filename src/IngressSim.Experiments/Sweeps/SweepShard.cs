using System.Globalization;

namespace IngressSim.Experiments.Sweeps;

/// <summary>
/// Shard <see cref="Index"/> of <see cref="Count"/>, 0-based like Kubernetes' <c>JOB_COMPLETION_INDEX</c>:
/// it runs the units k with k mod Count = Index, so each shard gets every point's replications in turn
/// and expensive points are spread over all shards.
/// </summary>
public readonly record struct SweepShard(int Index, int Count)
{
    public static readonly SweepShard All = new(0, 1);

    public bool Contains(int unit) => unit % Count == Index;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");

    /// <summary>Parses <c>K/N</c> with 0 ≤ K &lt; N.</summary>
    public static bool TryParse(string text, out SweepShard shard, out string error)
    {
        shard = All;
        var parts = text.Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            error = $"'{text}': expected K/N, e.g. 0/4 (K is 0-based, like JOB_COMPLETION_INDEX)";
            return false;
        }
        if (count < 1 || index >= count)
        {
            error = $"'{text}': K must be between 0 and N−1 (K is 0-based, like JOB_COMPLETION_INDEX)";
            return false;
        }
        shard = new SweepShard(index, count);
        error = "";
        return true;
    }
}

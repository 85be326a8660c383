using FsCheck;
using FsCheck.Xunit;
using IngressSim.Experiments.Replications;
using IngressSim.Experiments.Sweeps;

namespace IngressSim.Experiments.Tests.Sweeps;

/// <summary>Units, their seeds and shards depend only on the sweep; the manifest is stable bytes that name a sweep.</summary>
public sealed class SweepPlanTests
{
    [Fact]
    public void Units_ArePointMajor_WithSeedsOfTheReplicationAlone()
    {
        var manifest = SmallSweep.Plan().Manifest;

        Assert.Equal(8, manifest.Units);
        var units = Enumerable.Range(0, manifest.Units).Select(manifest.Unit).ToArray();
        Assert.Equal([0, 0, 1, 1, 2, 2, 3, 3], units.Select(u => u.Point));
        Assert.Equal([0, 1, 0, 1, 0, 1, 0, 1], units.Select(u => u.Replication));
        // Common random numbers: replication i has the same seed at every point, the one compare would give it.
        Assert.All(units, u => Assert.Equal(ReplicationSeed.Of(manifest.ScenarioSeed, u.Replication), u.Seed));
        Assert.NotEqual(units[0].Seed, units[1].Seed);
    }

    [Fact]
    public void Manifest_RoundTripsToTheSameBytes_AndAFixedValueMakesAnotherSweep()
    {
        var plan = SmallSweep.Plan();
        var bytes = plan.Manifest.ToBytes();

        Assert.Equal(bytes, SweepManifest.Parse(bytes)!.ToBytes());
        Assert.Equal(plan.Fingerprint, SmallSweep.Plan().Fingerprint);
        Assert.NotEqual(plan.Fingerprint, SmallSweep.Plan(new Dictionary<string, string> { ["duration"] = "15s" }).Fingerprint);
        Assert.Null(SweepManifest.Parse("{\"sweep\": 1}"u8.ToArray()));
    }

    [Property]
    public bool EveryUnit_BelongsToExactlyOneShard(PositiveInt count, NonNegativeInt unit) =>
        Enumerable.Range(0, count.Get).Count(k => new SweepShard(k, count.Get).Contains(unit.Get)) == 1;

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/4", 3, 4)]
    public void Shard_Parses_ZeroBased(string text, int index, int count)
    {
        Assert.True(SweepShard.TryParse(text, out var shard, out _));
        Assert.Equal(new SweepShard(index, count), shard);
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("1/0")]
    [InlineData("-1/4")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void Shard_OutOfRangeOrMalformed_IsRefused_SayingKIsZeroBased(string text)
    {
        Assert.False(SweepShard.TryParse(text, out _, out string error));
        Assert.Contains("0-based", error);
    }
}

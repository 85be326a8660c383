using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IngressSim.Engine.Randomness;
using IngressSim.Model.Clients;
using IngressSim.Scenarios.Traffic;

namespace IngressSim.Model.Tests.Clients;

public class RequestMixTests
{
    [Fact]
    public void Next_FrequenciesMatchNormalisedWeights()
    {
        var mix = RequestMix.From([new RequestSpec { Path = "/a", Weight = 1 }, new RequestSpec { Path = "/b", Weight = 0 }, new RequestSpec { Path = "/c", Weight = 3 }, new RequestSpec { Path = "/d", Weight = 6 }]);
        var random = new RandomStream(1, "mix");
        var counts = new int[4];
        const int n = 200_000;
        for (int i = 0; i < n; i++) counts[mix.Next(random)]++;
        Assert.Equal(0, counts[1]);
        double[] p = [0.1, 0, 0.3, 0.6];
        for (int i = 0; i < 4; i++)
            Assert.InRange(counts[i], n * p[i] - 4 * Math.Sqrt(n * p[i] * (1 - p[i])), n * p[i] + 4 * Math.Sqrt(n * p[i] * (1 - p[i])));
    }

    [Fact]
    public void Next_SingleRequest_ConsumesNoRandomness()
    {
        var mix = new RequestMix([5.0]);
        var random = new RandomStream(1, "mix");
        var reference = new RandomStream(1, "mix");
        Assert.Equal(0, mix.Next(random));
        Assert.Equal(reference.NextUInt64(), random.NextUInt64());
    }

    [Fact]
    public void Constructor_AllZero_Throws() => Assert.Throws<ArgumentException>(() => new RequestMix([0.0, 0.0]));

    [Property(MaxTest = 100)]
    public Property Next_NeverPicksAZeroWeight(NonNegativeInt[] raw, PositiveInt seed)
    {
        var weights = raw.Select(w => (double)(w.Get % 4)).Append(1).ToArray();
        var mix = new RequestMix(weights);
        var random = new RandomStream((ulong)seed.Get, "mix");
        return Enumerable.Range(0, 200).All(_ => weights[mix.Next(random)] > 0).ToProperty();
    }
}

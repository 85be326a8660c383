using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;
using IngressSim.Model.Controllers.Upstreams;

namespace IngressSim.Model.Tests.Upstreams;

public class EwmaBalancerTests
{
    private static Instant S(double s) => Instant.At(Duration.FromSecondsRounded(s));

    [Fact]
    public void Observe_FirstSampleIsTheEwmaThenDecaysWithTenSeconds()
    {
        var balancer = new EwmaBalancer();
        balancer.SetEndpoints([1, 2], Instant.Zero);
        balancer.Observe(1, Duration.FromMilliseconds(100), S(5));
        Assert.Equal(0.1, balancer.ScoreOf(1, S(5)), 12);
        // Reading decays towards zero: 0.1·e^(−10/10).
        Assert.Equal(0.1 * Math.Exp(-1), balancer.ScoreOf(1, S(15)), 12);
        // A new sample 10 s later blends with weight 1 − e^(−1).
        balancer.Observe(1, Duration.FromMilliseconds(300), S(15));
        Assert.Equal(0.1 * Math.Exp(-1) + 0.3 * (1 - Math.Exp(-1)), balancer.ScoreOf(1, S(15)), 12);
    }

    [Fact]
    public void Pick_PrefersTheFasterEndpoint()
    {
        var balancer = new EwmaBalancer();
        var random = new RandomStream(1, "ewma");
        balancer.SetEndpoints([1, 2, 3], Instant.Zero);
        balancer.Observe(1, Duration.FromMilliseconds(500), S(1));
        balancer.Observe(2, Duration.FromMilliseconds(5), S(1));
        balancer.Observe(3, Duration.FromMilliseconds(50), S(1));
        var counts = new Dictionary<int, int> { [1] = 0, [2] = 0, [3] = 0 };
        for (int i = 0; i < 3000; i++) counts[balancer.Pick(S(1), random, [])]++;
        // Two distinct random candidates of three: the slowest never wins, the fastest wins whenever drawn (2/3).
        Assert.Equal(0, counts[1]);
        Assert.InRange(counts[2], 2000 - 4 * 26, 2000 + 4 * 26);
    }

    [Fact]
    public void Pick_NoStatistics_UniformRandom()
    {
        var balancer = new EwmaBalancer();
        var random = new RandomStream(2, "ewma");
        balancer.SetEndpoints([1, 2, 3, 4], Instant.Zero);
        var counts = new int[5];
        for (int i = 0; i < 8000; i++) counts[balancer.Pick(Instant.Zero, random, [])]++;
        for (int e = 1; e <= 4; e++) Assert.InRange(counts[e], 2000 - 4 * 39, 2000 + 4 * 39);
    }

    [Fact]
    public void Pick_SkipsTriedEndpointsUnlessAllWereTried()
    {
        var balancer = new EwmaBalancer();
        var random = new RandomStream(3, "ewma");
        balancer.SetEndpoints([1, 2, 3], Instant.Zero);
        for (int i = 0; i < 100; i++) Assert.Equal(3, balancer.Pick(Instant.Zero, random, [1, 2]));
        for (int i = 0; i < 100; i++) Assert.NotEqual(1, balancer.Pick(Instant.Zero, random, [1]));
        var any = new HashSet<int>();
        for (int i = 0; i < 100; i++) any.Add(balancer.Pick(Instant.Zero, random, [1, 2, 3]));
        Assert.Equal(3, any.Count);
    }

    [Fact]
    public void SetEndpoints_AddedEndpointsStartAtTheAverageOfKeptOnes()
    {
        var balancer = new EwmaBalancer();
        balancer.SetEndpoints([1, 2, 3], Instant.Zero);
        balancer.Observe(1, Duration.FromMilliseconds(100), S(1));
        balancer.Observe(2, Duration.FromMilliseconds(300), S(1));
        balancer.Observe(3, Duration.FromMilliseconds(900), S(1));
        balancer.SetEndpoints([1, 2, 4], S(2));
        Assert.Equal(0.2, balancer.ScoreOf(4, S(2)), 12);
        Assert.Equal(0, balancer.ScoreOf(3, S(2)));
        // Kept statistics keep their own touch time.
        Assert.Equal(0.1 * Math.Exp(-0.1), balancer.ScoreOf(1, S(2)), 12);
    }

    [Fact]
    public void Pick_EmptyOrSingle()
    {
        var balancer = new EwmaBalancer();
        var random = new RandomStream(4, "ewma");
        Assert.Equal(-1, balancer.Pick(Instant.Zero, random, []));
        balancer.SetEndpoints([9], Instant.Zero);
        Assert.Equal(9, balancer.Pick(Instant.Zero, random, [9]));
    }
}

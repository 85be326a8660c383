using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;
using IngressSim.Model.KubeProxy;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Tests.KubeProxy;

public class FirstPacketLatencyTests
{
    private static Duration Us(double us) => Duration.FromSecondsRounded(us / 1e6);

    [Theory]
    [InlineData(5_000, 49, 156)]
    [InlineData(10_000, 61, 262)]
    [InlineData(30_000, 274, 716)]
    public void For_Iptables_PublishedPoints(int services, double p50Us, double p99Us)
    {
        var latency = FirstPacketLatency.For(KubeProxyMode.Iptables, services);
        Assert.Equal(Us(p50Us), latency.P50);
        Assert.Equal(Us(p99Us), latency.P99);
    }

    [Theory]
    [InlineData(KubeProxyMode.Nftables, 10)]
    [InlineData(KubeProxyMode.Nftables, 100_000)]
    [InlineData(KubeProxyMode.Ipvs, 30_000)]
    public void For_NftablesAndIpvs_Flat(KubeProxyMode mode, int services)
    {
        var latency = FirstPacketLatency.For(mode, services);
        Assert.Equal((Us(14), Us(37)), (latency.P50, latency.P99));
    }

    [Fact]
    public void For_Iptables_BelowAndAboveTheTable()
    {
        // Below 5k: the 5k→10k power law, not below nftables.
        var small = FirstPacketLatency.For(KubeProxyMode.Iptables, 100);
        Assert.InRange(small.P50.Nanoseconds, 14_000, 15_000);
        Assert.Equal(Us(37), small.P99);
        var mid = FirstPacketLatency.For(KubeProxyMode.Iptables, 20_000);
        Assert.InRange(mid.P50.Nanoseconds, 61_000, 274_000);
        // Above 30k: proportional to the number of Services.
        Assert.Equal(Us(548), FirstPacketLatency.For(KubeProxyMode.Iptables, 60_000).P50);
    }

    [Property(MaxTest = 200)]
    public bool For_Iptables_MonotoneInServicesAndP99AboveP50(PositiveInt a, PositiveInt b)
    {
        int lo = Math.Min(a.Get, b.Get) % 200_000 + 1, hi = Math.Max(a.Get, b.Get) % 200_000 + 1;
        if (lo > hi) (lo, hi) = (hi, lo);
        var l = FirstPacketLatency.For(KubeProxyMode.Iptables, lo);
        var h = FirstPacketLatency.For(KubeProxyMode.Iptables, hi);
        return l.P50 <= h.P50 && l.P99 <= h.P99 && l.P50 < l.P99 && h.P50 < h.P99;
    }

    [Fact]
    public void Sample_QuantilesMatchTheFit()
    {
        var latency = FirstPacketLatency.For(KubeProxyMode.Iptables, 10_000);
        var random = new RandomStream(1, "latency");
        var samples = Enumerable.Range(0, 200_000).Select(_ => latency.Sample(random).Nanoseconds).Order().ToArray();
        Assert.InRange(samples[100_000], 61_000 * 0.98, 61_000 * 1.02);
        Assert.InRange(samples[198_000], 262_000 * 0.95, 262_000 * 1.05);
    }
}

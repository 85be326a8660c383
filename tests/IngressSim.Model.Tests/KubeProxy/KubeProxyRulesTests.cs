using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;
using IngressSim.Model.KubeProxy;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Tests.KubeProxy;

public class KubeProxyRulesTests
{
    private static Instant Ms(long ms) => Instant.At(Duration.FromMilliseconds(ms));

    private static KubeProxyRules Rules(KubeProxyMode mode, IpvsScheduler scheduler = IpvsScheduler.Rr, Duration? delay = null, params int[][] endpoints) =>
        new(new KubeProxySpec { Mode = mode, IpvsScheduler = scheduler }, endpoints, delay ?? Duration.Zero);

    [Theory]
    [InlineData(KubeProxyMode.Iptables)]
    [InlineData(KubeProxyMode.Nftables)]
    public void Pick_RandomModes_Uniform(KubeProxyMode mode)
    {
        var rules = Rules(mode, endpoints: [[10, 11, 12, 13, 14]]);
        var random = new RandomStream(1, "kp");
        var counts = new Dictionary<int, int>();
        const int n = 50_000;
        for (int i = 0; i < n; i++) { int e = rules.Pick(0, i, Instant.Zero, random); counts[e] = counts.GetValueOrDefault(e) + 1; }
        double chi = counts.Values.Sum(c => (c - n / 5.0) * (c - n / 5.0) / (n / 5.0));
        Assert.Equal(5, counts.Count);
        Assert.InRange(chi, 0, 20.5); // χ²(5) upper 0.1 %
    }

    [Fact]
    public void Pick_IpvsRr_CyclesInRuleOrder()
    {
        var rules = Rules(KubeProxyMode.Ipvs, IpvsScheduler.Rr, null, [1, 2, 3], [7, 8]);
        var random = new RandomStream(1, "kp");
        Assert.Equal([1, 2, 3, 1, 2], Enumerable.Range(0, 5).Select(i => rules.Pick(0, i, Instant.Zero, random)));
        Assert.Equal([7, 8, 7], Enumerable.Range(0, 3).Select(i => rules.Pick(1, i, Instant.Zero, random)));
    }

    [Fact]
    public void Pick_IpvsSh_SameClientSameEndpoint_ClientsSpread()
    {
        var rules = Rules(KubeProxyMode.Ipvs, IpvsScheduler.Sh, null, [1, 2, 3, 4]);
        var random = new RandomStream(1, "kp");
        var counts = new Dictionary<int, int>();
        for (long client = 0; client < 4000; client++)
        {
            int e = rules.Pick(0, client, Instant.Zero, random);
            for (int again = 0; again < 3; again++) Assert.Equal(e, rules.Pick(0, client, Ms(again), random));
            counts[e] = counts.GetValueOrDefault(e) + 1;
        }
        Assert.All(counts.Values, c => Assert.InRange(c, 800, 1200));
    }

    [Fact]
    public void Pick_IpvsLc_FewestActiveConnectionsFirstInOrder()
    {
        var rules = Rules(KubeProxyMode.Ipvs, IpvsScheduler.Lc, null, [1, 2, 3]);
        var random = new RandomStream(1, "kp");
        Assert.Equal(1, rules.Pick(0, 0, Instant.Zero, random));
        rules.ConnectionOpened(1);
        Assert.Equal(2, rules.Pick(0, 0, Instant.Zero, random));
        rules.ConnectionOpened(2);
        rules.ConnectionOpened(3);
        rules.ConnectionOpened(3);
        rules.ConnectionClosed(1);
        Assert.Equal(1, rules.Pick(0, 0, Instant.Zero, random));
    }

    [Fact]
    public void Pick_IpvsDh_OneEndpointForTheService()
    {
        var rules = Rules(KubeProxyMode.Ipvs, IpvsScheduler.Dh, null, [1, 2, 3, 4]);
        var random = new RandomStream(1, "kp");
        int first = rules.Pick(0, 0, Instant.Zero, random);
        for (long client = 1; client < 100; client++) Assert.Equal(first, rules.Pick(0, client, Instant.Zero, random));
    }

    [Fact]
    public void Pick_ClientIpAffinity_StickyUntilTimeoutOrEndpointGone()
    {
        var rules = Rules(KubeProxyMode.Iptables, endpoints: [[1, 2, 3, 4, 5, 6, 7, 8]]);
        rules.SetSessionAffinity(0, KubeProxyRules.DefaultAffinityTimeout);
        var random = new RandomStream(1, "kp");
        int first = rules.Pick(0, 42, Instant.Zero, random);
        // Each use refreshes the entry: 3 h apart minus a second keeps it for a day.
        for (long h = 1; h <= 8; h++) Assert.Equal(first, rules.Pick(0, 42, Instant.FromSeconds(h * 10799), random));
        var changed = Enumerable.Range(0, 50).Select(_ => rules.Pick(0, 7, Instant.Zero, random)).Distinct().Count();
        Assert.Equal(1, changed);

        var remaining = new[] { 1, 2, 3, 4, 5, 6, 7, 8 }.Where(e => e != first).ToArray();
        var now = Instant.FromSeconds(8 * 10799 + 10);
        rules.Sync(now, [remaining]);
        int moved = rules.Pick(0, 42, now, random);
        Assert.Contains(moved, remaining);
    }

    [Fact]
    public void Pick_AffinityExpired_RepicksRandomly()
    {
        var rules = Rules(KubeProxyMode.Iptables, endpoints: [[1, 2, 3, 4]]);
        rules.SetSessionAffinity(0, Duration.FromSeconds(10));
        var random = new RandomStream(2, "kp");
        var seen = new HashSet<int>();
        for (int i = 0; i < 40; i++) seen.Add(rules.Pick(0, 42, Instant.FromSeconds(10L * i), random));
        Assert.True(seen.Count > 1);
    }

    [Fact]
    public void Pick_NoEndpoints_Rejected()
    {
        var rules = Rules(KubeProxyMode.Nftables, endpoints: [[]]);
        Assert.Equal(-1, rules.Pick(0, 1, Instant.Zero, new RandomStream(1, "kp")));
    }

    [Fact]
    public void EndpointsChanged_RespectsMinSyncPeriodAndProgrammingDelay()
    {
        var rules = Rules(KubeProxyMode.Iptables, delay: Duration.FromMilliseconds(500), endpoints: [[1, 2]]);
        Assert.Equal(Instant.FromSeconds(30), rules.NextSyncAt);
        // Last sync started at 0: minSyncPeriod 1 s (MODEL_FACTS §4) holds the change until 1 s.
        Assert.Equal(Instant.FromSeconds(1), rules.EndpointsChanged(Ms(200)));
        Assert.Equal(Instant.FromSeconds(1), rules.EndpointsChanged(Ms(900)));
        Assert.Equal(Instant.FromSeconds(31), rules.Sync(Instant.FromSeconds(1), [[2]]));
        // Stale until programmed: the removed endpoint 1 is still picked at 1.2 s.
        Assert.Equal([1, 2], rules.EndpointsOf(0, Ms(1200)).ToArray());
        Assert.Equal([2], rules.EndpointsOf(0, Ms(1500)).ToArray());
        Assert.Equal(Instant.FromSeconds(2), rules.EndpointsChanged(Ms(1700)));
        Assert.Equal(Instant.FromSeconds(10), Rules(KubeProxyMode.Iptables, endpoints: [[1]]).EndpointsChanged(Instant.FromSeconds(10)));
    }

    [Fact]
    public void Sync_PeriodicWithoutChanges_Every30s()
    {
        var rules = Rules(KubeProxyMode.Iptables, endpoints: [[1]]);
        Assert.Equal(Instant.FromSeconds(60), rules.Sync(Instant.FromSeconds(30), [[1]]));
        Assert.Equal(Instant.FromSeconds(60), rules.NextSyncAt);
    }

    [Fact]
    public void Pick_StaleRules_CanReturnATerminatedEndpoint()
    {
        var rules = Rules(KubeProxyMode.Iptables, delay: Duration.FromSeconds(2), endpoints: [[1, 2]]);
        var random = new RandomStream(3, "kp");
        rules.Sync(Instant.FromSeconds(5), [[2]]);
        var before = Enumerable.Range(0, 100).Select(i => rules.Pick(0, i, Ms(6999), random)).ToHashSet();
        Assert.Contains(1, before);
        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal(2, rules.Pick(0, i, Instant.FromSeconds(7), random)));
    }

    [Property(MaxTest = 300)]
    public bool EndpointsChanged_NeverBeforeNowOrMinSyncAndNeverLater(PositiveInt syncMs, NonNegativeInt changeAfterMs)
    {
        var rules = Rules(KubeProxyMode.Iptables, endpoints: [[1]]);
        var syncAt = Ms(syncMs.Get % 100_000);
        rules.Sync(syncAt, [[1]]);
        var now = syncAt + Duration.FromMilliseconds(changeAfterMs.Get % 40_000);
        var next = rules.EndpointsChanged(now);
        var allowed = Instant.Max(now, syncAt + Duration.FromSeconds(1));
        return next == Instant.Min(allowed, syncAt + Duration.FromSeconds(30)) && next >= now;
    }
}

using IngressSim.Engine.Time;
using IngressSim.Model.Controllers.RateLimiting;
using IngressSim.Scenarios.Cluster;
using IngressSim.Scenarios.Units;

namespace IngressSim.Model.Tests.RateLimiting;

public class RequestRateLimitsTests
{
    [Fact]
    public void From_RpsSpec_Burst5xNodelay503()
    {
        var limits = RequestRateLimits.From(new RateLimitSpec { Rps = new Rate(10) });
        Assert.Null(limits.Connections);
        Assert.NotNull(limits.PerSecond);
        Assert.Equal(50_000, limits.PerSecond.BurstMilli);
        Assert.True(limits.PerSecond.NoDelay);
        Assert.Equal(503, limits.PerSecond.RejectStatus);
    }

    [Fact]
    public void Admit_ConnectionsCheckedFirst()
    {
        var limits = new RequestRateLimits(new LimitConn(1, 429), null, new LimitReq(1, 0, true, 503));
        Assert.True(limits.Admit(1, Instant.Zero).Admitted);
        var second = limits.Admit(1, Instant.Zero);
        Assert.Equal((false, 429), (second.Admitted, second.Status));
    }

    [Fact]
    public void Admit_RejectedByRequestLimit_ReleasesTheConnectionCount()
    {
        var limits = new RequestRateLimits(new LimitConn(5, 503), null, new LimitReq(1, 0, true, 503));
        Assert.True(limits.Admit(1, Instant.Zero).Admitted);
        limits.Release(1);
        Assert.False(limits.Admit(1, Instant.Zero).Admitted);
        Assert.Equal(0, limits.Connections!.OpenFor(1));
    }

    [Fact]
    public void Admit_RpsRejection_DoesNotUseUpTheRpmZone()
    {
        var limits = new RequestRateLimits(null, new LimitReq(1, burst: 1, nodelay: true, 503), new LimitReq(100, burst: 0, nodelay: true, 429));
        Assert.True(limits.Admit(1, Instant.Zero).Admitted);
        var rejected = limits.Admit(1, Instant.Zero);
        Assert.Equal((false, 429), (rejected.Admitted, rejected.Status));
        // Had the rejected request been accounted in the rpm zone, its excess would be 1990 > 1000 here.
        Assert.True(limits.Admit(1, Instant.At(Duration.FromMilliseconds(10))).Admitted);
    }

    [Fact]
    public void Admit_DelayIsTheLongestZoneDelay()
    {
        var limits = new RequestRateLimits(null, new LimitReq(2, 5, nodelay: false, 503), new LimitReq(10, 5, nodelay: false, 503));
        limits.Admit(1, Instant.Zero);
        Assert.Equal(Duration.FromMilliseconds(500), limits.Admit(1, Instant.Zero).Delay);
    }
}

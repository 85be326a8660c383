using IngressSim.Model.Controllers.RateLimiting;

namespace IngressSim.Model.Tests.RateLimiting;

public class LimitConnTests
{
    [Fact]
    public void TryOpen_UpToTheLimitPerKey()
    {
        var limit = new LimitConn(2, 503);
        Assert.True(limit.TryOpen(1));
        Assert.True(limit.TryOpen(1));
        Assert.False(limit.TryOpen(1));
        Assert.True(limit.TryOpen(2));
        limit.Close(1);
        Assert.True(limit.TryOpen(1));
        Assert.Equal(2, limit.OpenFor(1));
    }

    [Fact]
    public void Close_LastOne_ForgetsTheKey()
    {
        var limit = new LimitConn(1, 503);
        limit.TryOpen(5);
        limit.Close(5);
        Assert.Equal(0, limit.OpenFor(5));
        Assert.Throws<InvalidOperationException>(() => limit.Close(5));
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IngressSim.Engine.Time;
using IngressSim.Model.Controllers.Upstreams;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Tests.Upstreams;

public class UpstreamKeepAlivePoolTests
{
    private static Instant S(long s) => Instant.FromSeconds(s);

    [Fact]
    public void From_Defaults320Idle60s10000Requests()
    {
        var pool = UpstreamKeepAlivePool.From(new UpstreamKeepAliveSpec());
        Assert.Equal((320, Duration.FromSeconds(60), 10000), (pool.Capacity, pool.IdleTimeout, pool.MaxRequests));
    }

    [Fact]
    public void TryTake_ColdPoolMisses_ReturnedConnectionIsReused()
    {
        var pool = new UpstreamKeepAlivePool(320, Duration.FromSeconds(60), 10000);
        Assert.False(pool.TryTake(1, S(0), out _));
        pool.Return(UpstreamConnection.Fresh(1), S(0));
        Assert.False(pool.TryTake(2, S(1), out _));
        Assert.True(pool.TryTake(1, S(1), out var c));
        Assert.Equal(new UpstreamConnection(1, 1), c);
        Assert.False(pool.TryTake(1, S(1), out _));
    }

    [Fact]
    public void TryTake_AfterIdleTimeout_Misses()
    {
        var pool = new UpstreamKeepAlivePool(320, Duration.FromSeconds(60), 10000);
        pool.Return(UpstreamConnection.Fresh(1), S(0));
        Assert.False(pool.TryTake(1, S(60), out _));
        Assert.Equal(0, pool.Count);
    }

    [Fact]
    public void Return_AtMaxRequests_ClosesTheConnection()
    {
        var pool = new UpstreamKeepAlivePool(320, Duration.FromSeconds(60), 3);
        pool.Return(new UpstreamConnection(1, 1), S(0));
        Assert.True(pool.TryTake(1, S(0), out var c));
        Assert.Equal(2, c.Requests);
        pool.Return(c, S(0));
        Assert.False(pool.TryTake(1, S(0), out _));
    }

    [Fact]
    public void Return_WhenFull_ClosesTheLeastRecentlyUsedOfAnyEndpoint()
    {
        var pool = new UpstreamKeepAlivePool(3, Duration.FromSeconds(60), 10000);
        pool.Return(UpstreamConnection.Fresh(1), S(1));
        pool.Return(UpstreamConnection.Fresh(2), S(2));
        pool.Return(UpstreamConnection.Fresh(2), S(3));
        pool.Return(UpstreamConnection.Fresh(3), S(4));
        Assert.Equal(3, pool.Count);
        Assert.False(pool.TryTake(1, S(5), out _));
        Assert.True(pool.TryTake(2, S(5), out _));
        Assert.True(pool.TryTake(2, S(5), out _));
        Assert.True(pool.TryTake(3, S(5), out _));
    }

    [Fact]
    public void TryTake_PrefersTheMostRecentlyReturned()
    {
        var pool = new UpstreamKeepAlivePool(10, Duration.FromSeconds(60), 10000);
        pool.Return(new UpstreamConnection(1, 5), S(1));
        pool.Return(new UpstreamConnection(1, 7), S(2));
        Assert.True(pool.TryTake(1, S(3), out var c));
        Assert.Equal(8, c.Requests);
    }

    [Fact]
    public void CloseAllAndClear_EmptyThePool()
    {
        var pool = new UpstreamKeepAlivePool(10, Duration.FromSeconds(60), 10000);
        pool.Return(UpstreamConnection.Fresh(1), S(0));
        pool.Return(UpstreamConnection.Fresh(1), S(0));
        pool.Return(UpstreamConnection.Fresh(2), S(0));
        pool.CloseAll(1);
        Assert.False(pool.TryTake(1, S(0), out _));
        Assert.Equal(1, pool.Count);
        pool.Clear();
        Assert.False(pool.TryTake(2, S(0), out _));
        pool.Return(UpstreamConnection.Fresh(2), S(0));
        Assert.True(pool.TryTake(2, S(0), out _));
    }

    /// <summary>The pool against a list model (newest first, LRU closed at capacity, expiry, request cap).</summary>
    [Property(MaxTest = 300)]
    public bool Operations_MatchAListModel(byte[] ops)
    {
        const int capacity = 5, maxRequests = 4;
        var timeout = Duration.FromSeconds(10);
        var pool = new UpstreamKeepAlivePool(capacity, timeout, maxRequests);
        var model = new List<(int Endpoint, int Requests, long IdleSince)>(); // index 0 = most recent
        var held = new List<UpstreamConnection>();
        long now = 0;
        foreach (var op in ops)
        {
            now += (op >> 6) * 3 * Duration.NanosPerSecond;
            int endpoint = op & 3;
            model.RemoveAll(e => now - e.IdleSince >= timeout.Nanoseconds);
            bool dropsExpired = true; // TryTake and Return drop expired connections; CloseAll does not
            switch ((op >> 2) & 3)
            {
                case 0:
                case 1:
                    int i = model.FindIndex(e => e.Endpoint == endpoint);
                    bool took = pool.TryTake(endpoint, new Instant(now), out var c);
                    if (took != i >= 0) return false;
                    if (took)
                    {
                        if (c != new UpstreamConnection(endpoint, model[i].Requests)) return false;
                        model.RemoveAt(i);
                        held.Add(c);
                    }
                    else held.Add(UpstreamConnection.Fresh(endpoint));
                    break;
                case 2 when held.Count > 0:
                    var back = held[^1];
                    held.RemoveAt(held.Count - 1);
                    pool.Return(back, new Instant(now));
                    if (back.Requests + 1 < maxRequests)
                    {
                        if (model.Count == capacity) model.RemoveAt(model.Count - 1);
                        model.Insert(0, (back.Endpoint, back.Requests + 1, now));
                    }
                    break;
                case 2:
                    dropsExpired = false;
                    break;
                case 3:
                    dropsExpired = false;
                    pool.CloseAll(endpoint);
                    model.RemoveAll(e => e.Endpoint == endpoint);
                    break;
            }
            if (dropsExpired && pool.Count != model.Count) return false;
        }
        return true;
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IngressSim.Engine.Time;
using IngressSim.Model.Tls;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Tests.Tls;

public class TlsSessionCacheTests
{
    private static readonly Duration Timeout = Duration.FromMinutes(10);

    [Fact]
    public void From_Default10MB_Holds40kSessionsFor10Minutes()
    {
        var cache = TlsSessionCache.From(new TlsSessionCacheSpec());
        Assert.Equal(40_960, cache.Capacity);
        Assert.Equal(Timeout, cache.Timeout);
    }

    [Fact]
    public void TryResume_MissThenHitAfterStore()
    {
        var cache = new TlsSessionCache(10, Timeout);
        Assert.False(cache.TryResume(7, Instant.Zero));
        cache.Store(7, Instant.Zero);
        Assert.True(cache.TryResume(7, Instant.FromSeconds(599)));
        Assert.False(cache.TryResume(8, Instant.FromSeconds(1)));
    }

    [Fact]
    public void TryResume_AtTimeout_MissesAndDropsTheEntry()
    {
        var cache = new TlsSessionCache(10, Timeout);
        cache.Store(7, Instant.Zero);
        Assert.False(cache.TryResume(7, Instant.FromSeconds(600)));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Store_WhenFull_DropsTheOldestStoredEvenIfJustResumed()
    {
        var cache = new TlsSessionCache(3, Timeout);
        for (int c = 1; c <= 3; c++) cache.Store(c, Instant.FromSeconds(c));
        Assert.True(cache.TryResume(1, Instant.FromSeconds(5)));
        cache.Store(4, Instant.FromSeconds(6));
        Assert.False(cache.TryResume(1, Instant.FromSeconds(6)));
        Assert.True(cache.TryResume(2, Instant.FromSeconds(6)));
        Assert.Equal(3, cache.Count);
    }

    [Fact]
    public void Store_Again_MakesTheEntryNewest()
    {
        var cache = new TlsSessionCache(2, Timeout);
        cache.Store(1, Instant.FromSeconds(1));
        cache.Store(2, Instant.FromSeconds(2));
        cache.Store(1, Instant.FromSeconds(3));
        cache.Store(3, Instant.FromSeconds(4));
        Assert.True(cache.TryResume(1, Instant.FromSeconds(5)));
        Assert.False(cache.TryResume(2, Instant.FromSeconds(5)));
    }

    [Fact]
    public void Clear_ForgetsEverything()
    {
        var cache = new TlsSessionCache(10, Timeout);
        cache.Store(1, Instant.Zero);
        cache.Clear();
        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryResume(1, Instant.Zero));
        cache.Store(2, Instant.Zero);
        Assert.True(cache.TryResume(2, Instant.Zero));
    }

    [Fact]
    public void Store_ZeroCapacity_NeverResumes()
    {
        var cache = new TlsSessionCache(0, Timeout);
        cache.Store(1, Instant.Zero);
        Assert.False(cache.TryResume(1, Instant.Zero));
    }

    [Fact]
    public void Store_ManyClients_CountStaysWithinCapacity()
    {
        var cache = new TlsSessionCache(100, Timeout);
        for (int c = 0; c < 10_000; c++) cache.Store(c, Instant.At(Duration.FromMilliseconds(c)));
        Assert.Equal(100, cache.Count);
        Assert.True(cache.TryResume(9_999, Instant.FromSeconds(10)));
        Assert.False(cache.TryResume(9_899, Instant.FromSeconds(10)));
    }

    /// <summary>The cache against a plain list model: same answer to every operation.</summary>
    [Property(MaxTest = 300)]
    public bool Operations_MatchAListModel(byte[] ops)
    {
        const int capacity = 4;
        var timeout = Duration.FromSeconds(20);
        var cache = new TlsSessionCache(capacity, timeout);
        var model = new List<(long Client, long StoredAt)>();
        long now = 0;
        foreach (var op in ops)
        {
            now += (op >> 5) * Duration.NanosPerSecond; // 0..7 s per step
            long client = op & 7;
            var at = new Instant(now);
            if ((op & 16) == 0)
            {
                int i = model.FindIndex(e => e.Client == client);
                bool expected = i >= 0 && now - model[i].StoredAt < timeout.Nanoseconds;
                if (i >= 0 && !expected) model.RemoveAt(i);
                if (cache.TryResume(client, at) != expected) return false;
            }
            else
            {
                model.RemoveAll(e => e.Client == client || now - e.StoredAt >= timeout.Nanoseconds);
                if (model.Count == capacity) model.RemoveAt(0);
                model.Add((client, now));
                cache.Store(client, at);
            }
            if (cache.Count != model.Count) return false;
        }
        return true;
    }
}

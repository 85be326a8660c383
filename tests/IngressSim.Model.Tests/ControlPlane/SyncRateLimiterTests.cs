using IngressSim.Engine.Time;
using IngressSim.Model.Controllers.Sync;
using IngressSim.Scenarios.Units;

namespace IngressSim.Model.Tests.ControlPlane;

public class SyncRateLimiterTests
{
    private static Instant Ms(long ms) => Instant.At(Duration.FromMilliseconds(ms));

    // 0.3/s → one token every 3.333333333 s (MODEL_FACTS §1).
    private static readonly Duration TokenInterval = Duration.FromNanoseconds(3_333_333_333);

    private static SyncRateLimiter Default(Duration? batch = null) => new(new Rate(0.3), batch ?? Duration.Zero);

    [Fact]
    public void Enqueue_IdleWithFullBucket_SyncsAtOnce()
    {
        var limiter = Default();
        Assert.Equal(Ms(1000), limiter.Enqueue(Ms(1000)));
        Assert.Equal(Ms(1000), limiter.ScheduledSync);
    }

    [Fact]
    public void Enqueue_IdleAfterARecentSync_WaitsForTheToken()
    {
        var limiter = Default();
        limiter.Enqueue(Ms(0));
        Assert.Null(limiter.SyncFinished(Ms(200)));
        Assert.Null(limiter.ScheduledSync);
        Assert.Equal(Ms(0) + TokenInterval, limiter.Enqueue(Ms(500)));
    }

    [Fact]
    public void Enqueue_LongAfterTheLastSync_BucketIsFullAgain()
    {
        var limiter = Default();
        limiter.Enqueue(Ms(0));
        limiter.SyncFinished(Ms(200));
        Assert.Equal(Ms(60_000), limiter.Enqueue(Ms(60_000)));
    }

    [Fact]
    public void SyncFinished_BurstWhileBusy_CollapsesIntoOneMoreSync()
    {
        var limiter = Default();
        limiter.Enqueue(Ms(0));
        for (int i = 1; i <= 20; i++) Assert.Null(limiter.Enqueue(Ms(10 * i)));
        // The first queued event arrived after the first sync's dequeue: one more sync, token-limited.
        Assert.Equal(Ms(0) + TokenInterval, limiter.SyncFinished(Ms(300)));
        // The other 19 were enqueued before that second dequeue (at 300 ms): dropped.
        Assert.Null(limiter.SyncFinished(Ms(0) + TokenInterval + Duration.FromMilliseconds(200)));
        Assert.Equal(19, limiter.DroppedEvents);
    }

    [Fact]
    public void SyncFinished_EventsDuringTheTokenWait_CauseOneFollowUpSync()
    {
        // queue.go stamps the dequeue time before the rate-limit wait, so events during the wait are newer
        // than lastSync and trigger another sync even though the first sync read the state after them.
        var limiter = Default();
        limiter.Enqueue(Ms(0));
        limiter.SyncFinished(Ms(100));
        var second = limiter.Enqueue(Ms(500))!.Value;
        Assert.Null(limiter.Enqueue(Ms(1000)));
        Assert.Null(limiter.Enqueue(Ms(2000)));
        var third = limiter.SyncFinished(second + Duration.FromMilliseconds(100));
        Assert.Equal(second + TokenInterval, third);
        Assert.Null(limiter.SyncFinished(third!.Value + Duration.FromMilliseconds(100)));
        Assert.Equal(1, limiter.DroppedEvents);
    }

    [Fact]
    public void SyncFinished_UnskippableEvents_EachGetASync()
    {
        var limiter = Default();
        limiter.Enqueue(Ms(0));
        limiter.Enqueue(Ms(10), skippable: false);
        limiter.Enqueue(Ms(20), skippable: false);
        var second = limiter.SyncFinished(Ms(100))!.Value;
        var third = limiter.SyncFinished(second + Duration.FromMilliseconds(100))!.Value;
        Assert.Equal(second + TokenInterval, third);
        Assert.Null(limiter.SyncFinished(third + Duration.FromMilliseconds(100)));
        Assert.Equal(0, limiter.DroppedEvents);
    }

    [Fact]
    public void Enqueue_SteadyStorm_SyncsNoMoreOftenThanTheRateLimit()
    {
        var limiter = Default();
        var syncs = new List<Instant>();
        Instant? running = null;
        // An event every 100 ms for 60 s; each sync takes 200 ms.
        for (long t = 0; t <= 60_000; t += 100)
        {
            var now = Ms(t);
            while (running is { } start && start + Duration.FromMilliseconds(200) <= now)
            {
                syncs.Add(start);
                running = limiter.SyncFinished(start + Duration.FromMilliseconds(200));
            }
            running = limiter.Enqueue(now) ?? running;
        }
        for (int i = 1; i < syncs.Count; i++) Assert.True(syncs[i] - syncs[i - 1] >= TokenInterval);
        Assert.InRange(syncs.Count, 17, 19); // 60 s / 3.33 s ≈ 18
    }

    [Fact]
    public void Enqueue_BatchWindow_DelaysTheSyncAfterTheFirstChange_AndCollectsWhatCameMeanwhile()
    {
        var limiter = Default(Duration.FromSeconds(5));
        Assert.Equal(Ms(5000), limiter.Enqueue(Ms(0)));
        // The change at 4 s came while the batch waited: the sync at 5 s reads it.
        Assert.Null(limiter.Enqueue(Ms(4000)));
        Assert.Null(limiter.SyncFinished(Ms(5200)));
        Assert.Equal(1, limiter.DroppedEvents);
    }

    [Fact]
    public void Enqueue_BatchWindow_AChangeAfterTheSyncStartedOpensTheNextBatch()
    {
        var limiter = Default(Duration.FromSeconds(5));
        Assert.Equal(Ms(5000), limiter.Enqueue(Ms(0)));
        Assert.Null(limiter.Enqueue(Ms(5100)));
        Assert.Equal(Ms(10100), limiter.SyncFinished(Ms(5200)));
    }

    [Fact]
    public void Enqueue_BatchWindowUnderContinuousChanges_SyncsAWindowApart()
    {
        var limiter = Default(Duration.FromSeconds(5));
        var syncs = new List<Instant>();
        Instant? running = null;
        for (var now = Ms(0); now < Ms(60_000); now += Duration.FromMilliseconds(100))
        {
            if (running is { } start && now >= start + Duration.FromMilliseconds(200))
            {
                syncs.Add(start);
                running = limiter.SyncFinished(start + Duration.FromMilliseconds(200));
            }
            running = limiter.Enqueue(now) ?? running;
        }
        // A change every 100 ms: each sync collects 5 s of them, the next waits 5 s after the first it missed.
        for (int i = 1; i < syncs.Count; i++) Assert.InRange((syncs[i] - syncs[i - 1]).TotalSeconds, 5, 5.2);
    }

    [Fact]
    public void SyncFinished_WithoutASync_Throws()
    {
        var limiter = Default();
        Assert.Throws<InvalidOperationException>(() => limiter.SyncFinished(Ms(0)));
        limiter.Enqueue(Ms(0));
        limiter.SyncFinished(Ms(10));
        limiter.Enqueue(Ms(20));
        Assert.Throws<ArgumentOutOfRangeException>(() => limiter.SyncFinished(Ms(30)));
    }

    [Fact]
    public void Constructor_RejectsNonPositiveRates()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyncRateLimiter(Rate.Zero, Duration.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyncRateLimiter(new Rate(double.NaN), Duration.Zero));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SyncRateLimiter(new Rate(1), Duration.FromSeconds(-1)));
    }
}

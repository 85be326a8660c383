using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IngressSim.Engine.Time;
using IngressSim.Model.Controllers.RateLimiting;

namespace IngressSim.Model.Tests.RateLimiting;

public class LimitReqTests
{
    private static Instant Ms(long ms) => Instant.At(Duration.FromMilliseconds(ms));

    [Fact]
    public void Acquire_Rps10Burst50_BurstOf60Admits51ThenOnePer100ms()
    {
        var limit = LimitReq.PerSecond(10, burstMultiplier: 5, rejectStatus: 503);
        int admitted = 0;
        for (int i = 0; i < 60; i++) if (limit.Acquire(1, Instant.Zero).Admitted) admitted++;
        // First request starts the key at excess 0, then 1000 … 50000 milli-requests: 1 + 50.
        Assert.Equal(51, admitted);
        for (long t = 100; t <= 1000; t += 100)
        {
            Assert.False(limit.Acquire(1, Ms(t - 1)).Admitted);
            Assert.True(limit.Acquire(1, Ms(t)).Admitted);
            Assert.False(limit.Acquire(1, Ms(t)).Admitted);
        }
    }

    [Fact]
    public void Acquire_WithoutNodelay_DelaysByExcessOverRate()
    {
        var limit = new LimitReq(10, burst: 5, nodelay: false, rejectStatus: 503);
        long[] expectedDelayMs = [0, 100, 200, 300, 400, 500];
        foreach (var d in expectedDelayMs)
        {
            var decision = limit.Acquire(1, Instant.Zero);
            Assert.True(decision.Admitted);
            Assert.Equal(Duration.FromMilliseconds(d), decision.Delay);
        }
        Assert.False(limit.Acquire(1, Instant.Zero).Admitted);
        // 250 ms later 2500 milli-requests have drained: 5000 − 2500 + 1000 = 3500 → 350 ms.
        Assert.Equal(Duration.FromMilliseconds(350), limit.Acquire(1, Ms(250)).Delay);
    }

    [Fact]
    public void Acquire_WithinOneMillisecond_NoDecay()
    {
        var limit = new LimitReq(1000, burst: 1, nodelay: true, rejectStatus: 503);
        Assert.True(limit.Acquire(1, new Instant(100_000)).Admitted);
        Assert.True(limit.Acquire(1, new Instant(400_000)).Admitted);
        // Same nginx millisecond: excess 2000 > 1000 although 0.8 ms "passed".
        Assert.False(limit.Acquire(1, new Instant(900_000)).Admitted);
        Assert.True(limit.Acquire(1, new Instant(1_000_000)).Admitted);
    }

    [Fact]
    public void Acquire_KeysAreIndependent()
    {
        var limit = new LimitReq(1, burst: 0, nodelay: true, rejectStatus: 503);
        Assert.True(limit.Acquire(1, Instant.Zero).Admitted);
        Assert.False(limit.Acquire(1, Instant.Zero).Admitted);
        Assert.True(limit.Acquire(2, Instant.Zero).Admitted);
    }

    [Fact]
    public void PerMinute_StoresRateAsNginxDoes()
    {
        Assert.Equal(166, LimitReq.PerMinute(10, 5, 503).RateMilli); // 10 r/m = 10·1000/60, truncated
        Assert.Equal(50_000, LimitReq.PerMinute(10, 5, 503).BurstMilli);
        Assert.Equal(300, new LimitReq(0.3, 0, true, 503).RateMilli);
    }

    [Fact]
    public void Clear_ForgetsExcess()
    {
        var limit = new LimitReq(1, burst: 0, nodelay: true, rejectStatus: 503);
        limit.Acquire(1, Instant.Zero);
        limit.Clear();
        Assert.True(limit.Acquire(1, Instant.Zero).Admitted);
    }

    /// <summary>In any interval, admissions ≤ rate × (length + 1 ms of clock granularity) + burst + 1.</summary>
    [Property(MaxTest = 200)]
    public bool Acquire_NeverAdmitsMoreThanRateTimesIntervalPlusBurstPlusOne(PositiveInt rate, NonNegativeInt burst, ushort[] gapsUs)
    {
        int rps = rate.Get % 200 + 1;
        var limit = LimitReq.PerSecond(rps, 1, 503);
        var limitWithBurst = new LimitReq(rps, burst.Get % 20, nodelay: true, rejectStatus: 503);
        foreach (var l in new[] { limit, limitWithBurst })
        {
            var admitted = new List<long>();
            long t = 0;
            foreach (var g in gapsUs)
            {
                t += g * 100L; // 0 … 6.5 s gaps, many within one millisecond
                if (l.Acquire(42, new Instant(t)).Admitted) admitted.Add(t);
            }
            double burstRequests = l.BurstMilli / 1000.0;
            for (int i = 0; i < admitted.Count; i++)
                for (int j = i; j < admitted.Count; j++)
                {
                    double seconds = (admitted[j] - admitted[i]) / 1e9 + 0.001;
                    if (j - i + 1 > rps * seconds + burstRequests + 1 + 1e-9) return false;
                }
        }
        return true;
    }
}

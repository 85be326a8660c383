using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;

namespace IngressSim.Reporting.Tests;

public class LatencyHistogramTests
{
    [Fact]
    public void Summarize_KnownLatencies_MatchesExactPercentilesWithinOneBucket()
    {
        var histogram = LatencyHistogram.ForSummary();
        var latenciesMs = Enumerable.Range(1, 1000).Select(i => (double)i).ToArray(); // 1..1000 ms
        foreach (var ms in latenciesMs) histogram.Record(Duration.FromMilliseconds((long)ms));

        var summary = histogram.Summarize();

        Assert.Equal(1000, summary.Count);
        Assert.Equal(500.5, summary.MeanMs, 9); // exact: from the nanosecond sum, not the buckets
        Assert.Equal(1000, summary.MaxMs);
        // HdrHistogram rank rule (long)(p/100·n + 0.5); 3 significant digits → a bucket is ≤ 0.1 % wide.
        AssertWithinBucket(500, summary.P50Ms);
        AssertWithinBucket(950, summary.P95Ms);
        AssertWithinBucket(990, summary.P99Ms);
        AssertWithinBucket(999, summary.P999Ms);
    }

    [Fact]
    public void Summarize_PercentileAtTopBucket_NeverExceedsExactMax()
    {
        var histogram = LatencyHistogram.ForWindow();
        histogram.Record(Duration.FromMilliseconds(5000)); // 2 digits: the bucket's upper edge is above 5000 ms

        var summary = histogram.Summarize();

        Assert.Equal(5000, summary.P999Ms);
        Assert.Equal(5000, summary.MaxMs);
    }

    [Fact]
    public void Record_BeyondOneHour_IsCountedAndKeepsExactMax()
    {
        var histogram = LatencyHistogram.ForWindow();
        histogram.Record(Duration.FromHours(3));

        var summary = histogram.Summarize();

        Assert.Equal(1, summary.Count);
        Assert.Equal(3 * 3_600_000.0, summary.MaxMs);
    }

    [Fact]
    public void Summarize_Empty_IsNaN()
    {
        var summary = LatencyHistogram.ForWindow().Summarize();
        Assert.Equal(0, summary.Count);
        Assert.True(double.IsNaN(summary.P99Ms) && double.IsNaN(summary.MeanMs));
    }

    [Fact]
    public void Reset_ClearsEverything()
    {
        var histogram = LatencyHistogram.ForWindow();
        histogram.Record(Duration.FromMilliseconds(7));
        histogram.Reset();
        histogram.Record(Duration.FromMilliseconds(3));

        var summary = histogram.Summarize();

        Assert.Equal(1, summary.Count);
        Assert.Equal(3, summary.MaxMs);
        Assert.Equal(3, summary.MeanMs, 9);
    }

    /// <summary>
    /// Against the exact order statistic with HdrHistogram's rank rule: a window histogram (2 significant
    /// digits) reports the upper edge of the value's bucket, at most 1 % above it, never above the max.
    /// </summary>
    [Property(MaxTest = 200)]
    public Property Summarize_IsTheExactPercentileWithinOneBucket() =>
        Prop.ForAll(
            ArbMap.Default.ArbFor<NonEmptyArray<PositiveInt>>(),
            values =>
            {
                var micros = values.Get.Select(v => (long)v.Get).ToArray();
                var histogram = LatencyHistogram.ForWindow();
                foreach (var us in micros) histogram.Record(Duration.FromMicroseconds(us));
                var summary = histogram.Summarize();
                Array.Sort(micros);
                bool Within(double percentile, double actualMs)
                {
                    long rank = Math.Max(1, (long)(percentile / 100 * micros.Length + 0.5));
                    double exactMs = micros[rank - 1] / 1000.0;
                    return actualMs >= exactMs && actualMs <= Math.Min(exactMs * 1.01 + 0.001, summary.MaxMs);
                }
                return Within(50, summary.P50Ms) && Within(95, summary.P95Ms) && Within(99, summary.P99Ms) && Within(99.9, summary.P999Ms);
            });

    [Fact]
    public void Cdf_EndsAtOne_AndIsMonotone()
    {
        var histogram = LatencyHistogram.ForSummary();
        foreach (var ms in new[] { 1, 2, 2, 3, 10, 100 }) histogram.Record(Duration.FromMilliseconds(ms));

        var cdf = histogram.Cdf();

        Assert.Equal(1.0, cdf[^1].Fraction);
        Assert.Equal(5, cdf.Count); // distinct values
        Assert.Equal(3 / 6.0, cdf[1].Fraction, 12); // ≤ 2 ms: three of six
        Assert.True(cdf.Zip(cdf.Skip(1)).All(p => p.First.LatencyMs < p.Second.LatencyMs && p.First.Fraction < p.Second.Fraction));
    }

    private static void AssertWithinBucket(double expectedMs, double actualMs) =>
        Assert.InRange(actualMs, expectedMs, expectedMs * 1.001 + 0.001);
}

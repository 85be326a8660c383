using HdrHistogram;
using IngressSim.Engine.Time;

namespace IngressSim.Model.Metrics;

/// <summary>
/// Latencies of one set of requests: an HdrHistogram in whole microseconds for the percentiles, plus
/// the exact count, nanosecond sum and maximum (so the mean, e.g. against Erlang C, has no bucket error).
/// Recording is O(1) and allocation-free; <see cref="Reset"/> clears it for reuse in the next window.
/// </summary>
public sealed class LatencyHistogram
{
    /// <summary>One hour: longer than any client timeout; anything beyond is counted in the top bucket (the exact max stays exact).</summary>
    private const long HighestTrackableMicroseconds = 3_600_000_000;

    private readonly HistogramBase _histogram;
    private Int128 _sumNanoseconds; // 10k req/s × 60 s timeouts over a day overflows a long's nanoseconds
    private long _maxNanoseconds;

    private LatencyHistogram(HistogramBase histogram) => _histogram = histogram;

    /// <summary>
    /// For per-window, per-series use: 2 significant digits (±1 %), 32-bit counts — about 13 KB, so
    /// 500 series cost ~6.5 MB for the current window whatever the run length.
    /// </summary>
    public static LatencyHistogram ForWindow() => new(new IntHistogram(HighestTrackableMicroseconds, 2));

    /// <summary>For whole-run per-series totals: 2 significant digits, 64-bit counts (~26 KB each).</summary>
    public static LatencyHistogram ForSeriesTotal() => new(new LongHistogram(HighestTrackableMicroseconds, 2));

    /// <summary>For the run, phase and "all"-window summaries: 3 significant digits (±0.1 %), ~190 KB each.</summary>
    public static LatencyHistogram ForSummary() => new(new LongHistogram(HighestTrackableMicroseconds, 3));

    public long Count { get; private set; }

    public void Record(Duration latency)
    {
        long ns = Math.Max(0, latency.Nanoseconds);
        long us = Math.Min((ns + Duration.NanosPerMicrosecond / 2) / Duration.NanosPerMicrosecond, HighestTrackableMicroseconds);
        _histogram.RecordValue(us);
        Count++;
        _sumNanoseconds += ns;
        if (ns > _maxNanoseconds) _maxNanoseconds = ns;
    }

    /// <summary>Adds another histogram's recordings (e.g. to fold windows into a total).</summary>
    public void Add(LatencyHistogram other)
    {
        _histogram.Add(other._histogram);
        Count += other.Count;
        _sumNanoseconds += other._sumNanoseconds;
        _maxNanoseconds = Math.Max(_maxNanoseconds, other._maxNanoseconds);
    }

    public void Reset()
    {
        _histogram.Reset();
        Count = 0;
        _sumNanoseconds = 0;
        _maxNanoseconds = 0;
    }

    /// <summary>
    /// Percentiles by HdrHistogram's own query: bucket upper edge, rank <c>(long)(p/100·n + 0.5)</c>
    /// (TOOLCHAIN.md), capped at the exact max. Four short scans of the counts (~0.6 µs each) — far
    /// cheaper than one walk with its <c>RecordedValues()</c> iterator (~170 µs), which matters when
    /// 500 series close a window.
    /// </summary>
    public LatencySummary Summarize()
    {
        if (Count == 0) return LatencySummary.Empty;
        double mean = (double)_sumNanoseconds / Count / Duration.NanosPerMillisecond;
        double max = _maxNanoseconds / (double)Duration.NanosPerMillisecond;
        return new LatencySummary(Count, mean, Percentile(50, max), Percentile(95, max), Percentile(99, max), Percentile(99.9, max), max);
    }

    // A bucket's upper edge can lie above every recorded value: no percentile exceeds the exact max.
    private double Percentile(double percentile, double maxMs) =>
        Math.Min(_histogram.GetValueAtPercentile(percentile) / 1000.0, maxMs);

    /// <summary>The empirical CDF, one point per non-empty bucket (at the bucket's upper edge).</summary>
    public IReadOnlyList<CdfPoint> Cdf()
    {
        var points = new List<CdfPoint>();
        long n = _histogram.TotalCount;
        foreach (var bucket in _histogram.RecordedValues())
            points.Add(new CdfPoint(bucket.ValueIteratedTo / 1000.0, bucket.TotalCountToThisValue / (double)n));
        return points;
    }
}

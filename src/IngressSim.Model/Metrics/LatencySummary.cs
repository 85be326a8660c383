namespace IngressSim.Model.Metrics;

/// <summary>
/// Latency of a set of requests in milliseconds. Mean and max are exact; the percentiles come from an
/// HdrHistogram and carry its bucket error (upper edge of the bucket, HdrHistogram rank rule
/// <c>(long)(p/100·n + 0.5)</c>). All NaN when there were no requests.
/// </summary>
public readonly record struct LatencySummary(
    long Count, double MeanMs, double P50Ms, double P95Ms, double P99Ms, double P999Ms, double MaxMs)
{
    public static readonly LatencySummary Empty =
        new(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
}

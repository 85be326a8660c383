namespace IngressSim.Model.Metrics;

/// <summary>
/// The compact "all series" figures of one window, kept in memory for the plots: a few numbers per
/// window (a day of 10 s windows is 8 640 points), never per series.
/// </summary>
public readonly record struct WindowPoint(
    double StartSeconds, double EndSeconds, LatencySummary Latency, StatusCounts Statuses, int Reloads)
{
    public long Requests => Statuses.Total;

    /// <summary>Mean time per cause of the window's requests (empty when the recorder was not told).</summary>
    public LatencyBreakdown Breakdown { get; init; } = LatencyBreakdown.Empty;

    /// <summary>Client retries started in the window (after a timeout, a reset or a retried status).</summary>
    public long Retries { get; init; }

    /// <summary>The window's slowest request with its causes, or null.</summary>
    public SlowRequest? Slowest { get; init; }
}

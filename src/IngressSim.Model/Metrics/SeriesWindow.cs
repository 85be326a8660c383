using IngressSim.Engine.Time;

namespace IngressSim.Model.Metrics;

/// <summary>
/// What one series did in one time window: a row of <c>timeseries.csv</c>. Handed to the
/// <see cref="IWindowSink"/> by reference as the window closes.
/// </summary>
public readonly record struct SeriesWindow(
    Instant Start,
    Instant End,
    string Series,
    LatencySummary Latency,
    StatusCounts Statuses,
    long Retries,
    long NewConnections,
    long TlsFullHandshakes,
    long TlsResumedHandshakes,
    GaugeValues Gauges);

/// <summary>Receives window rows as they are produced, so no run keeps its rows in memory (e.g. a streaming CSV writer).</summary>
public interface IWindowSink
{
    void Write(in SeriesWindow row);
}

/// <summary>For runs that need only the result, not timeseries.csv (benchmarks, comparisons): drops every row.</summary>
public sealed class DiscardWindowRows : IWindowSink
{
    public static readonly DiscardWindowRows Instance = new();

    private DiscardWindowRows() { }

    public void Write(in SeriesWindow row) { }
}

/// <summary>Hands every row to several sinks in order (timeseries.csv and metrics.om from one run).</summary>
public sealed class WindowFanOut(params IWindowSink[] sinks) : IWindowSink
{
    public void Write(in SeriesWindow row)
    {
        foreach (var sink in sinks) sink.Write(in row);
    }
}

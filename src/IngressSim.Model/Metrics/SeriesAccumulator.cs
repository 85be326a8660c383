using IngressSim.Engine.Time;

namespace IngressSim.Model.Metrics;

/// <summary>
/// The counters of one series: the current window's (reset after each row) and the whole run's.
/// Fields, not properties: the recorder increments them on its hot path.
/// </summary>
internal sealed class SeriesAccumulator(string name, LatencyHistogram windowLatency, LatencyHistogram totalLatency)
{
    public readonly string Name = name;
    public readonly LatencyHistogram WindowLatency = windowLatency;
    public readonly LatencyHistogram TotalLatency = totalLatency;
    public StatusCounts WindowStatuses, TotalStatuses;
    public long WindowRetries, TotalRetries;
    public long WindowNewConnections, TotalNewConnections;
    public long WindowTlsFull, TotalTlsFull;
    public long WindowTlsResumed, TotalTlsResumed;
    public GaugeValues Gauges = GaugeValues.Unset;
    /// <summary>Once a gauge is set the series is reported every window: its level is meaningful without traffic.</summary>
    public bool HasGauges;
    /// <summary>Anything counted in the current window.</summary>
    public bool Touched;

    public void RecordResponse(Duration latency, ResponseStatus status)
    {
        WindowLatency.Record(latency);
        TotalLatency.Record(latency);
        WindowStatuses.Increment(status);
        TotalStatuses.Increment(status);
        Touched = true;
    }

    public void RecordRetry()
    {
        WindowRetries++;
        TotalRetries++;
        Touched = true;
    }

    public void RecordNewConnection()
    {
        WindowNewConnections++;
        TotalNewConnections++;
        Touched = true;
    }

    public void RecordTlsHandshake(bool resumed)
    {
        if (resumed) { WindowTlsResumed++; TotalTlsResumed++; }
        else { WindowTlsFull++; TotalTlsFull++; }
        Touched = true;
    }

    public void SetGauge(Gauge gauge, double value)
    {
        Gauges.Set(gauge, value);
        HasGauges = true;
    }

    public SeriesWindow WindowRow(Instant start, Instant end) => new(
        start, end, Name, WindowLatency.Summarize(), WindowStatuses, WindowRetries, WindowNewConnections,
        WindowTlsFull, WindowTlsResumed, Gauges);

    public void ResetWindow()
    {
        if (!Touched) return; // untouched windows are already clear: skip the histogram clear
        WindowLatency.Reset();
        WindowStatuses.Clear();
        WindowRetries = WindowNewConnections = WindowTlsFull = WindowTlsResumed = 0;
        Touched = false;
    }

    public SeriesResult Total() => new(
        Name, TotalStatuses, TotalLatency.Summarize(), TotalRetries, TotalNewConnections, TotalTlsFull, TotalTlsResumed);
}

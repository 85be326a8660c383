using IngressSim.Engine.Time;

namespace IngressSim.Model.Metrics;

/// <summary>
/// What a run records, called by the model on its hot path. Counts responses, retries, connections and
/// TLS handshakes per series and per time window; when a call arrives past the current window the
/// window's rows go to the <see cref="IWindowSink"/> and its histograms are reset for reuse. Memory is
/// bounded by the number of series (and a few numbers per window for the plots), never by the number
/// of requests or windows.
/// <para>
/// Time must not go back past the start of the current window; calls are expected in event order.
/// A response is counted in the window and phase where it completed — where a Prometheus histogram such
/// as <c>nginx_ingress_controller_request_duration_seconds</c> observes it (MODEL_FACTS §1) — while its
/// latency runs from when the client intended to send (no coordinated omission).
/// </para>
/// </summary>
public sealed class MetricsRecorder
{
    public const string AllSeriesName = "all";
    public const int DefaultLogCapacity = 100_000;
    public static readonly Duration DefaultWindow = Duration.FromSeconds(10); // issue 4: "per time window (default 10 s)"

    private readonly SeriesAccumulator[] _series; // the named series, then "all" at index AllSeries
    private readonly SeriesAccumulator _all;
    private readonly PhaseAccumulator[] _phases;
    private readonly IWindowSink _sink;
    private readonly Duration _window;
    private readonly Instant _runEnd;
    private readonly List<WindowPoint> _points = [];
    private readonly BoundedLog<ReloadRecord> _reloads;
    private readonly BoundedLog<TimelineEvent> _timeline;
    private readonly BoundedLog<HpaScaleRecord> _hpa;
    private Instant _windowStart, _windowEnd;
    private int _windowReloads;
    private bool _closed;
    private readonly BreakdownAccumulator _windowBreakdown = new(), _runBreakdown = new();
    private SlowRequest? _windowSlowest;
    private Duration _windowSlowestLatency = Duration.FromNanoseconds(-1);

    /// <param name="seriesNames">One per Ingress route or Service, addressed by index in every call.</param>
    /// <param name="phases">Non-overlapping phases; may leave gaps.</param>
    /// <param name="runEnd">The run covers [0, runEnd); the last window is cut there.</param>
    /// <param name="sink">Receives every window row as the window closes.</param>
    /// <param name="window">Window length; <see cref="DefaultWindow"/> when null.</param>
    /// <param name="logCapacity">Reloads and timeline events kept (each); more are only counted.</param>
    public MetricsRecorder(
        IReadOnlyList<string> seriesNames, IReadOnlyList<RunPhase> phases, Instant runEnd, IWindowSink sink,
        Duration? window = null, int logCapacity = DefaultLogCapacity)
    {
        _window = window ?? DefaultWindow;
        if (_window <= Duration.Zero) throw new ArgumentOutOfRangeException(nameof(window), _window, "the window must be positive");
        if (runEnd <= Instant.Zero) throw new ArgumentOutOfRangeException(nameof(runEnd), runEnd, "the run must have a positive length");
        if (seriesNames.Contains(AllSeriesName))
            throw new ArgumentException($"'{AllSeriesName}' is reserved for the total over all series", nameof(seriesNames));
        ValidatePhases(phases, runEnd);

        _series = new SeriesAccumulator[seriesNames.Count + 1];
        for (int i = 0; i < seriesNames.Count; i++)
            _series[i] = new SeriesAccumulator(seriesNames[i], LatencyHistogram.ForWindow(), LatencyHistogram.ForSeriesTotal());
        _all = _series[^1] = new SeriesAccumulator(AllSeriesName, LatencyHistogram.ForSummary(), LatencyHistogram.ForSummary());
        _phases = phases.Select(p => new PhaseAccumulator(p)).ToArray();
        _sink = sink;
        _runEnd = runEnd;
        _reloads = new BoundedLog<ReloadRecord>(logCapacity);
        _timeline = new BoundedLog<TimelineEvent>(logCapacity);
        _hpa = new BoundedLog<HpaScaleRecord>(logCapacity);
        _windowStart = Instant.Zero;
        _windowEnd = Instant.Min(Instant.Zero + _window, runEnd);
    }

    /// <summary>Index of the "all" series: valid for <see cref="SetGauge"/> (cluster-wide levels such as worker generations), not for counts.</summary>
    public int AllSeries => _series.Length - 1;

    public Duration Window => _window;

    /// <summary>A request ended: with a response, or with the client giving up, or a connection failure after retries.</summary>
    /// <param name="intendedStart">When the client meant to send (its schedule), not when it managed to.</param>
    /// <param name="completed">When the client got the response or gave up: now.</param>
    public void RecordResponse(int series, Instant intendedStart, Instant completed, ResponseStatus status) =>
        _ = Record(series, intendedStart, completed, status);

    /// <summary>
    /// A request ended, with where its time went (<paramref name="spent"/> adds up to its latency) and how
    /// many attempts it took: the window's, phase's and run's breakdowns count it, and the window keeps its
    /// slowest request.
    /// </summary>
    public void RecordResponse(int series, Instant intendedStart, Instant completed, ResponseStatus status, in CauseTimes spent, int attempts)
    {
        var phase = Record(series, intendedStart, completed, status);
        _windowBreakdown.Add(spent);
        _runBreakdown.Add(spent);
        phase?.Breakdown.Add(spent);
        var latency = completed - intendedStart;
        if (latency > _windowSlowestLatency)
        {
            _windowSlowestLatency = latency;
            _windowSlowest = new SlowRequest(latency.TotalMilliseconds, completed.TotalSeconds, series, status, attempts, Milliseconds(spent));
        }
    }

    private PhaseAccumulator? Record(int series, Instant intendedStart, Instant completed, ResponseStatus status)
    {
        var s = CountedSeries(series);
        AdvanceTo(completed);
        var latency = completed - intendedStart;
        s.RecordResponse(latency, status);
        _all.RecordResponse(latency, status);
        foreach (var phase in _phases)
            if (phase.Phase.Contains(completed))
            {
                phase.RecordResponse(latency, status);
                return phase;
            }
        return null;
    }

    private static double[] Milliseconds(in CauseTimes spent)
    {
        var ms = new double[LatencyCauses.Count];
        for (int i = 0; i < ms.Length; i++) ms[i] = spent[i] / 1e6;
        return ms;
    }

    /// <summary>A client retried a request (a retry is new load: issue 4).</summary>
    public void RecordRetry(Instant at, int series)
    {
        var s = CountedSeries(series);
        AdvanceTo(at);
        s.RecordRetry();
        _all.RecordRetry();
    }

    public void RecordNewConnection(Instant at, int series)
    {
        var s = CountedSeries(series);
        AdvanceTo(at);
        s.RecordNewConnection();
        _all.RecordNewConnection();
    }

    public void RecordTlsHandshake(Instant at, int series, bool resumed)
    {
        var s = CountedSeries(series);
        AdvanceTo(at);
        s.RecordTlsHandshake(resumed);
        _all.RecordTlsHandshake(resumed);
    }

    /// <summary>Sets a level; it holds until set again. <paramref name="series"/> may be <see cref="AllSeries"/>.</summary>
    public void SetGauge(Instant at, int series, Gauge gauge, double value)
    {
        if ((uint)series >= (uint)_series.Length) throw new ArgumentOutOfRangeException(nameof(series), series, "no such series");
        AdvanceTo(at);
        _series[series].SetGauge(gauge, value);
    }

    /// <summary>
    /// An nginx reload of one controller replica; may be reported when it ends (its start may lie in an
    /// earlier window, which is then credited with it).
    /// </summary>
    public void RecordReload(string controller, int replica, Instant start, Duration duration, int connectionsActive, int connectionsAffected)
    {
        ThrowIfClosed();
        if (connectionsAffected < 0 || connectionsAffected > connectionsActive)
            throw new ArgumentOutOfRangeException(nameof(connectionsAffected), connectionsAffected, $"must be within 0..{connectionsActive} active connections");
        if (start >= _windowEnd) AdvanceTo(start);
        if (start >= _windowStart) _windowReloads++;
        else
        {
            int index = (int)(start.Nanoseconds / _window.Nanoseconds);
            _points[index] = _points[index] with { Reloads = _points[index].Reloads + 1 };
        }
        _reloads.Add(new ReloadRecord(controller, replica, start, duration, connectionsActive, connectionsAffected));
        foreach (var phase in _phases)
            if (phase.Phase.Contains(start)) { phase.Reloads++; break; }
    }

    private NginxMemorySummary _nginxMemory;

    /// <summary>
    /// One replica's nginx held <paramref name="bytes"/> in <paramref name="generations"/> worker generations at
    /// <paramref name="at"/> (read when a reload starts workers and at window ends): kept as the run's and phase's peaks.
    /// </summary>
    public void RecordNginxMemory(Instant at, long bytes, int generations) => AddNginxMemory(at, bytes, generations, oomKills: 0);

    /// <summary>The kubelet OOM-killed a replica (its crash and restart are timeline events).</summary>
    public void RecordOomKill(Instant at) => AddNginxMemory(at, 0, 0, oomKills: 1);

    private void AddNginxMemory(Instant at, long bytes, int generations, long oomKills)
    {
        ThrowIfClosed();
        _nginxMemory = _nginxMemory.With(bytes, generations, oomKills);
        foreach (var phase in _phases)
            if (phase.Phase.Contains(at)) { phase.NginxMemory = phase.NginxMemory.With(bytes, generations, oomKills); break; }
    }

    private long _affinityRequests, _affinityBroken;
    private readonly long[] _webSocketEnds = new long[Enum.GetValues<WebSocketEnd>().Length];

    public void RecordWebSocketEnd(WebSocketEnd end) => _webSocketEnds[(int)end]++;

    /// <summary>A request with an affinity cookie reached a pod: the one that set the cookie (<paramref name="kept"/>) or not.</summary>
    public void RecordAffinity(bool kept)
    {
        _affinityRequests++;
        if (!kept) _affinityBroken++;
    }

    /// <summary>A control-plane event for the timeline (deploy, HPA scaling, crash); kept up to the log capacity.</summary>
    public void RecordEvent(Instant at, string kind, string subject, string detail)
    {
        ThrowIfClosed();
        _timeline.Add(new TimelineEvent(at, kind, subject, detail));
    }

    /// <summary>An HPA rescaled its target: the decision with its inputs; kept up to the log capacity.</summary>
    public void RecordHpaScale(HpaScaleRecord record)
    {
        ThrowIfClosed();
        _hpa.Add(record);
    }

    /// <summary>
    /// The windows closed so far, for watching a run as it goes (between windows, on the simulation's
    /// thread). A window's reload count may still grow: reloads are reported when their effects are known.
    /// </summary>
    public IReadOnlyList<WindowPoint> ClosedWindows => _points;

    /// <summary>The reloads recorded so far, in the order they were reported (not by start).</summary>
    public IReadOnlyList<ReloadRecord> ReloadsSoFar => _reloads.Entries;

    /// <summary>The timeline events recorded so far.</summary>
    public IReadOnlyList<TimelineEvent> TimelineSoFar => _timeline.Entries;

    /// <summary>The HPA rescales recorded so far.</summary>
    public IReadOnlyList<HpaScaleRecord> HpaScalesSoFar => _hpa.Entries;

    /// <summary>Closes every window that ends at or before <paramref name="t"/>; at the run end, the last one.</summary>
    public void CloseUntil(Instant t)
    {
        ThrowIfClosed();
        while (!_closed && t >= _windowEnd) CloseWindow();
    }

    /// <summary>Closes the remaining windows and returns the immutable result.</summary>
    /// <param name="events">Simulation events processed (the engine counts them).</param>
    /// <param name="wallSeconds">Wall-clock run time, measured by the caller: nothing in the model reads the wall clock.</param>
    public RunResult Finish(RunIdentity run, long events, double wallSeconds)
    {
        if (!_closed) CloseUntil(_runEnd);
        var reloads = _reloads.Entries.OrderBy(r => r.Start).ToArray(); // reported at their end, they may be out of order
        var phases = _phases.Select(p => p.Result(reloads)).ToArray();
        return new RunResult(
            run, _runEnd.TotalSeconds, wallSeconds, events, _window.TotalSeconds,
            _all.TotalStatuses, _all.TotalRetries, _all.TotalLatency.Summarize(), _all.TotalLatency.Cdf(),
            ReloadSummary.Of(reloads, _reloads.Dropped), phases,
            _series[..^1].Select(s => s.Total()).ToArray(),
            _points.ToArray(), reloads, _reloads.Dropped, _timeline.Entries.ToArray(), _timeline.Dropped)
        {
            Affinity = new SessionAffinityCounts(_affinityRequests, _affinityBroken),
            Breakdown = _runBreakdown.Result(),
            WebSockets = new WebSocketCounts(_webSocketEnds[0], _webSocketEnds[1], _webSocketEnds[2], _webSocketEnds[3], _webSocketEnds[4]),
            NginxMemory = _nginxMemory,
            HpaScales = _hpa.Entries.ToArray(),
            HpaScalesDropped = _hpa.Dropped,
        };
    }

    private SeriesAccumulator CountedSeries(int series)
    {
        // "all" is the sum the recorder keeps itself: counting into it directly would count twice.
        if ((uint)series >= (uint)AllSeries) throw new ArgumentOutOfRangeException(nameof(series), series, "no such series");
        return _series[series];
    }

    private void AdvanceTo(Instant t)
    {
        if (t < _windowEnd)
        {
            if (t < _windowStart)
                throw new ArgumentOutOfRangeException(nameof(t), t, $"time went back before the current window starting at {_windowStart}");
            return;
        }
        ThrowIfClosed();
        if (t >= _runEnd) throw new ArgumentOutOfRangeException(nameof(t), t, $"at or after the run end {_runEnd}");
        while (t >= _windowEnd) CloseWindow();
    }

    private void CloseWindow()
    {
        foreach (var s in _series)
        {
            if (s != _all && (s.Touched || s.HasGauges))
            {
                var row = s.WindowRow(_windowStart, _windowEnd);
                _sink.Write(in row);
            }
        }
        var allRow = _all.WindowRow(_windowStart, _windowEnd);
        _sink.Write(in allRow);
        _points.Add(new WindowPoint(_windowStart.TotalSeconds, _windowEnd.TotalSeconds, allRow.Latency, allRow.Statuses, _windowReloads)
        {
            Breakdown = _windowBreakdown.Result(),
            Slowest = _windowSlowest,
            Retries = allRow.Retries,
        });
        foreach (var s in _series) s.ResetWindow();
        _windowReloads = 0;
        _windowBreakdown.Reset();
        _windowSlowest = null;
        _windowSlowestLatency = Duration.FromNanoseconds(-1);

        if (_windowEnd >= _runEnd) { _closed = true; return; }
        _windowStart = _windowEnd;
        _windowEnd = Instant.Min(_windowStart + _window, _runEnd);
    }

    private void ThrowIfClosed()
    {
        if (_closed) throw new InvalidOperationException("the run's windows are closed: nothing more can be recorded");
    }

    private static void ValidatePhases(IReadOnlyList<RunPhase> phases, Instant runEnd)
    {
        var ordered = phases.OrderBy(p => p.Start).ToArray();
        for (int i = 0; i < ordered.Length; i++)
        {
            var p = ordered[i];
            if (p.End <= p.Start || p.Start < Instant.Zero || p.End > runEnd)
                throw new ArgumentException($"phase '{p.Name}' [{p.Start}, {p.End}) is empty or outside the run [0, {runEnd})", nameof(phases));
            if (i > 0 && p.Start < ordered[i - 1].End)
                throw new ArgumentException($"phases '{ordered[i - 1].Name}' and '{p.Name}' overlap", nameof(phases));
        }
    }

    private sealed class PhaseAccumulator(RunPhase phase)
    {
        public readonly RunPhase Phase = phase;
        private readonly LatencyHistogram _latency = LatencyHistogram.ForSummary();
        private StatusCounts _statuses;
        public long Reloads;
        public NginxMemorySummary NginxMemory;
        public readonly BreakdownAccumulator Breakdown = new();

        public void RecordResponse(Duration latency, ResponseStatus status)
        {
            _latency.Record(latency);
            _statuses.Increment(status);
        }

        public PhaseResult Result(IReadOnlyList<ReloadRecord> allReloads)
        {
            var kept = allReloads.Where(r => Phase.Contains(r.Start)).ToArray();
            return new PhaseResult(
                Phase.Name, Phase.Start.TotalSeconds, Phase.End.TotalSeconds, _statuses, _latency.Summarize(),
                _latency.Cdf(), ReloadSummary.Of(kept, Reloads - kept.Length)) { Breakdown = Breakdown.Result(), NginxMemory = NginxMemory };
        }
    }
}

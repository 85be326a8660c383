using IngressSim.Model.Metrics;
using static IngressSim.Reporting.Narrative.NarrativeText;

namespace IngressSim.Reporting.Narrative;

/// <summary>
/// What the narrator reads: the run's own logs (the recorder's lists while it runs, or the finished
/// <see cref="RunResult"/>'s). The lists only grow; the narrator remembers how far it has read each one.
/// </summary>
public sealed record NarrativeData(
    IReadOnlyList<WindowPoint> Windows, IReadOnlyList<ReloadRecord> Reloads,
    IReadOnlyList<TimelineEvent> Timeline, IReadOnlyList<HpaScaleRecord> HpaScales)
{
    public static NarrativeData Of(RunResult result) => new(result.Windows, result.ReloadLog, result.Timeline, result.HpaScales);

    public static NarrativeData Of(MetricsRecorder recorder) =>
        new(recorder.ClosedWindows, recorder.ReloadsSoFar, recorder.TimelineSoFar, recorder.HpaScalesSoFar);
}

/// <summary>
/// Tells a run as a timeline in words, derived only from what the run recorded — timeline events, the
/// reload log, HPA rescales and the per-window latency and statuses — never from the scenario's text.
/// <para>
/// It reads the run minute by minute of simulated time: a minute is narrated once its data is final
/// (<see cref="Advance"/> with how far the data is settled — reloads are recorded up to a keep-alive
/// timeout after they happen), so a live view can narrate while the simulation runs and get the same
/// entries as <see cref="Build"/> on the finished result. Frequent events are grouped per minute (one
/// reload line, one HPA line for many services); levels are narrated when their regime changes (reload
/// rate, p99 and error-rate thresholds with hysteresis, traffic, median latency, deploy rate), with a
/// reminder every few minutes while a storm lasts. At most <see cref="MaxEntriesPerMinute"/> entries per
/// minute (by importance) and <see cref="MaxEntries"/> in all, the last being the run's summary.
/// </para>
/// </summary>
public sealed class Narrator
{
    public const double MinuteSeconds = 60;
    public const int MaxEntries = 60;
    public const int MaxEntriesPerMinute = 5;

    /// <summary>Window p99 levels worth a sentence.</summary>
    private static readonly double[] P99LevelsMs = [500, 1000, 2000, 5000, 10_000];

    /// <summary>Error-rate levels worth a sentence.</summary>
    private static readonly double[] ErrorLevels = [0.001, 0.01, 0.05, 0.2];

    private const int ReminderMinutes = 5, HpaGroupMinutes = 3;
    private const double DeployTrailingSeconds = 600;

    // Importance when a minute has more to say than its budget (lower first).
    private const int PPhase = 0, PCrash = 1, POpening = 2, PErrors = 3, PLatency = 4, PReloads = 5, PHpa = 6, PXds = 7,
        PDeploys = 8, PTraffic = 9, PIngress = 10;

    private readonly NarrativePhase[] _phases;
    private readonly double _end;
    private readonly int _minutes;
    private readonly List<NarrativeEntry> _entries = [];
    private readonly Dictionary<int, Minute> _buckets = [];
    private int _windowCursor, _reloadCursor, _eventCursor, _hpaCursor;
    private double _windowsUntil;
    private int _next;
    private long _omitted;
    private bool _finished;

    // Running totals (for the summary) and regime state.
    private long _requests, _errors, _reloadCount;
    private int _hpaPodsUp, _hpaPodsDown;
    private double _maxWindowP99 = double.NaN;
    private double _rpsReported = double.NaN, _rpsReportedAt, _p50Reported = double.NaN;
    private readonly ThresholdLevels _p99 = new(P99LevelsMs), _errorRate = new(ErrorLevels), _retryRate = new(ErrorLevels);
    private int _reloadRate, _reloadReportedMinute = int.MinValue;
    private double _lastReloadStart;
    private int _xdsRate, _xdsReportedMinute = int.MinValue;
    private HpaGroup? _hpa;
    private readonly Queue<double> _deployTimes = new();
    private double _deployRate;

    /// <param name="phases">The run's phases (names and bounds in simulated seconds).</param>
    /// <param name="runEndSeconds">The run's length.</param>
    public Narrator(IReadOnlyList<NarrativePhase> phases, double runEndSeconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(runEndSeconds);
        _phases = phases.OrderBy(p => p.StartSeconds).ToArray();
        _end = runEndSeconds;
        _minutes = (int)Math.Ceiling(runEndSeconds / MinuteSeconds);
    }

    /// <summary>The narrative of a finished run.</summary>
    public static IReadOnlyList<NarrativeEntry> Build(RunResult result)
    {
        var narrator = new Narrator(result.Phases.Select(p => new NarrativePhase(p.Name, p.StartSeconds, p.EndSeconds)).ToArray(), result.SimulatedSeconds);
        narrator.Finish(NarrativeData.Of(result));
        return narrator.Entries;
    }

    /// <summary>Every entry so far, in time order.</summary>
    public IReadOnlyList<NarrativeEntry> Entries => _entries;

    /// <summary>Simulated time up to which the narrative is complete.</summary>
    public double NarratedUntilSeconds => Math.Min(_next * MinuteSeconds, _end);

    /// <summary>
    /// Reads what is new in <paramref name="data"/> and narrates every minute that ends by
    /// <paramref name="settledUntilSeconds"/> (data recorded later about those minutes would be missed).
    /// </summary>
    /// <returns>The entries added.</returns>
    public IReadOnlyList<NarrativeEntry> Advance(NarrativeData data, double settledUntilSeconds)
    {
        if (_finished) throw new InvalidOperationException("the narrative is finished");
        Ingest(data);
        int before = _entries.Count;
        while (_next < _minutes && MinuteEnd(_next) <= settledUntilSeconds && MinuteEnd(_next) <= _windowsUntil) Narrate(_next++);
        return _entries.GetRange(before, _entries.Count - before);
    }

    /// <summary>The run has ended and <paramref name="data"/> is complete: narrates the rest and the summary.</summary>
    public IReadOnlyList<NarrativeEntry> Finish(NarrativeData data)
    {
        if (_finished) throw new InvalidOperationException("the narrative is finished");
        Ingest(data);
        int before = _entries.Count;
        while (_next < _minutes) Narrate(_next++);
        FlushHpa(_end);
        _entries.Add(new NarrativeEntry(_end, "summary", Summary()));
        _finished = true;
        return _entries.GetRange(before, _entries.Count - before);
    }

    // ---- reading ---------------------------------------------------------------------------------

    private double MinuteEnd(int minute) => Math.Min((minute + 1) * MinuteSeconds, _end);

    private Minute Bucket(double seconds)
    {
        int index = Math.Clamp((int)Math.Floor(seconds / MinuteSeconds), _next, Math.Max(_next, _minutes - 1));
        if (!_buckets.TryGetValue(index, out var bucket)) _buckets[index] = bucket = new Minute();
        return bucket;
    }

    private void Ingest(NarrativeData data)
    {
        // Anything about a minute already narrated arrived too late; it lands in the next one (Bucket clamps).
        for (; _windowCursor < data.Windows.Count; _windowCursor++)
        {
            var w = data.Windows[_windowCursor];
            Bucket(w.StartSeconds).Windows.Add(w);
            _windowsUntil = Math.Max(_windowsUntil, w.EndSeconds);
        }
        for (; _reloadCursor < data.Reloads.Count; _reloadCursor++)
            Bucket(data.Reloads[_reloadCursor].Start.TotalSeconds).Reloads.Add(data.Reloads[_reloadCursor]);
        for (; _eventCursor < data.Timeline.Count; _eventCursor++)
            Bucket(data.Timeline[_eventCursor].At.TotalSeconds).Events.Add(data.Timeline[_eventCursor]);
        for (; _hpaCursor < data.HpaScales.Count; _hpaCursor++)
            Bucket(data.HpaScales[_hpaCursor].At.TotalSeconds).Hpa.Add(data.HpaScales[_hpaCursor]);
    }

    // ---- one minute ------------------------------------------------------------------------------

    private void Narrate(int minute)
    {
        var bucket = _buckets.Remove(minute, out var b) ? b : new Minute();
        // Reloads are reported when their effects are known, not in start order: one order for both paths.
        bucket.Reloads.Sort((x, y) =>
        {
            int c = x.Start.CompareTo(y.Start);
            if (c == 0) c = string.CompareOrdinal(x.Controller, y.Controller);
            return c != 0 ? c : x.Replica.CompareTo(y.Replica);
        });
        double t0 = minute * MinuteSeconds, t1 = MinuteEnd(minute);
        var said = new List<(int Priority, NarrativeEntry Entry)>();
        void Say(int priority, double at, string kind, string text) => said.Add((priority, new NarrativeEntry(at, kind, text)));

        foreach (var phase in _phases)
            if (phase.StartSeconds >= t0 && phase.StartSeconds < t1)
                Say(PPhase, phase.StartSeconds, "phase", $"phase {phase.Name} begins (until {Clock(phase.EndSeconds)})");

        var stats = MinuteStats.Of(bucket.Windows);
        _requests += stats.Requests;
        _errors += stats.Errors;
        if (!double.IsNaN(stats.MaxP99)) _maxWindowP99 = double.IsNaN(_maxWindowP99) ? stats.MaxP99 : Math.Max(_maxWindowP99, stats.MaxP99);

        NarrateEvents(bucket.Events, Say);
        NarrateTraffic(t1, stats, Say);
        NarrateLatency(t1, stats, Say);
        NarrateErrors(t1, stats, Say);
        NarrateRetries(t1, stats, Say);
        NarrateReloads(minute, t1, bucket.Reloads, stats, Say);
        NarrateXds(minute, t1, bucket.Events, Say);
        NarrateHpa(minute, t0, t1, bucket.Hpa, Say);
        NarrateDeploys(t1, bucket.Events, Say);

        var kept = said.Select((s, i) => (s.Priority, s.Entry, Index: i))
            .OrderBy(s => s.Priority).ThenBy(s => s.Index).Take(MaxEntriesPerMinute)
            .OrderBy(s => s.Entry.AtSeconds).ThenBy(s => s.Priority).ThenBy(s => s.Index);
        _omitted += Math.Max(0, said.Count - MaxEntriesPerMinute);
        foreach (var (_, entry, _) in kept)
        {
            if (_entries.Count < MaxEntries - 1) _entries.Add(entry); // the last slot is the summary's
            else _omitted++;
        }
    }

    private delegate void Sayer(int priority, double at, string kind, string text);

    private static void NarrateEvents(List<TimelineEvent> events, Sayer say)
    {
        foreach (var group in events.Where(e => e.Kind is "crash" or "OOMKilled" or "restart" or "node" or "traffic" or "ingress").GroupBy(e => e.Kind))
        {
            var list = group.ToList();
            string kind = group.Key is "traffic" or "ingress" ? group.Key : "crash";
            int priority = group.Key switch { "traffic" => PTraffic, "ingress" => PIngress, _ => PCrash };
            if (list.Count <= 3)
            {
                foreach (var e in list) say(priority, e.At.TotalSeconds, kind, EventText(e));
                continue;
            }
            string names = string.Join(", ", list.Select(e => e.Subject).Distinct().Take(3)) + (list.Select(e => e.Subject).Distinct().Count() > 3 ? ", …" : "");
            string what = group.Key switch
            {
                "crash" => "crashes", "OOMKilled" => "OOM kills", "restart" => "restarts", "node" => "nodes lost", "traffic" => "traffic changes", _ => "Ingress edits",
            };
            say(priority, list[0].At.TotalSeconds, kind, $"{list.Count} {what} in this minute ({names})");
        }
    }

    private static string EventText(TimelineEvent e) => e.Kind switch
    {
        "crash" => $"{e.Subject} crashed ({e.Detail})",
        "OOMKilled" => $"{e.Subject} OOM-killed by the kubelet ({e.Detail})",
        "restart" => $"{e.Subject} restarted ({e.Detail})",
        "node" => $"{e.Subject} {e.Detail}",
        "traffic" => $"traffic changes ({e.Subject}): {e.Detail}",
        "ingress" => $"Ingress {e.Subject} edited ({e.Detail})",
        _ => $"{e.Kind} {e.Subject}: {e.Detail}",
    };

    private void NarrateTraffic(double t1, MinuteStats stats, Sayer say)
    {
        if (stats.Requests == 0 || stats.Seconds <= 0) return;
        double rps = stats.Requests / stats.Seconds;
        if (double.IsNaN(_rpsReported))
        {
            string errors = stats.Errors == 0 ? "no errors" : $"errors {Percent(stats.ErrorRate)}";
            say(POpening, t1, "traffic",
                $"{Number(rps)} req/s; p50 {Latency(stats.MedianP50)}, p99 {Latency(stats.MedianP99)}; {errors}");
            _rpsReported = rps;
            _rpsReportedAt = t1;
            _p50Reported = stats.MedianP50;
            return;
        }
        double ratio = rps / _rpsReported;
        if (ratio >= 1.5 || ratio <= 1 / 1.5)
        {
            say(PTraffic, t1, "traffic", $"traffic {(ratio > 1 ? "up" : "down")} to {Number(rps)} req/s (×{Decimal1(ratio)} since {Clock(_rpsReportedAt)})");
            _rpsReported = rps;
            _rpsReportedAt = t1;
        }
    }

    private void NarrateLatency(double t1, MinuteStats stats, Sayer say)
    {
        if (double.IsNaN(stats.MaxP99)) return;
        // One latency line per minute: the median's move and the p99's threshold together.
        var parts = new List<string>();
        void Part(int priority, double at, string kind, string text) => parts.Add(text);
        NarrateLatencyParts(t1, stats, Part);
        if (parts.Count > 0) say(PLatency, t1, "latency", string.Join("; ", parts));
    }

    private void NarrateLatencyParts(double t1, MinuteStats stats, Sayer say)
    {
        if (!double.IsNaN(_p50Reported) && !double.IsNaN(stats.MedianP50))
        {
            double change = stats.MedianP50 - _p50Reported;
            if (Math.Abs(change) >= 20 && Math.Abs(change) >= 0.5 * _p50Reported)
            {
                say(PLatency, t1, "latency", $"p50 {(change > 0 ? "up" : "down")} from {Latency(_p50Reported)} to {Latency(stats.MedianP50)}");
                _p50Reported = stats.MedianP50;
            }
        }
        if (_p99.Observe(stats.MaxP99) is { } p99)
            say(PLatency, t1, "latency", p99.Sentence("p99", Latency,
                $"{Latency(stats.MaxP99)} in the window at {Clock(stats.MaxP99At)}", $"at most {Latency(stats.MaxP99)} in the last minute"));
    }

    private void NarrateErrors(double t1, MinuteStats stats, Sayer say)
    {
        if (stats.Requests == 0) return;
        if (_errorRate.Observe(stats.ErrorRate) is { } errors)
            say(PErrors, t1, "errors", errors.Sentence("errors", Percent,
                $"{Percent(stats.ErrorRate)} of requests in the last minute: {stats.TopErrors()}", $"{Percent(stats.ErrorRate)} in the last minute"));
    }

    /// <summary>Clients giving up and trying again (timeouts, resets): slow successes that error counts do not show.</summary>
    private void NarrateRetries(double t1, MinuteStats stats, Sayer say)
    {
        if (stats.Requests == 0) return;
        double rate = stats.Retries / (double)stats.Requests;
        if (_retryRate.Observe(rate) is { } retries)
            say(PErrors, t1, "retries", retries.Sentence("client retries", Percent,
                $"{Count(stats.Retries)} in the last minute, {Percent(rate)} of requests: clients timing out or reset, and trying again", $"{Percent(rate)} in the last minute"));
    }

    private void NarrateReloads(int minute, double t1, List<ReloadRecord> reloads, MinuteStats stats, Sayer say)
    {
        int n = reloads.Count;
        _reloadCount += n;
        if (n == 0)
        {
            if (_reloadRate >= 3)
            {
                say(PReloads, t1, "reloads", $"reloads stop (the last started at {Clock(_lastReloadStart)})");
                _reloadRate = 0;
                _reloadReportedMinute = minute;
            }
            return;
        }
        _lastReloadStart = reloads[^1].Start.TotalSeconds;
        bool first = _reloadRate == 0;
        bool changed = n >= 3 && (_reloadRate < 3 || Math.Abs(n / (double)_reloadRate - 1) >= 0.3);
        if (!first && !changed && minute - _reloadReportedMinute < ReminderMinutes) return;
        _reloadRate = n;
        _reloadReportedMinute = minute;

        double meanMs = reloads.Average(r => r.Duration.TotalMilliseconds);
        long active = reloads.Sum(r => (long)r.ConnectionsActive), affected = reloads.Sum(r => (long)r.ConnectionsAffected);
        int replicas = reloads.Select(r => (r.Controller, r.Replica)).Distinct().Count();
        string disturbed = active == 0 ? "no connections were on the retired workers"
            : $"{Percent(affected / (double)active)} of the {Count(active)} connections on retired workers were disturbed";
        string p99 = double.IsNaN(stats.MaxP99) ? "" : $"; p99 {LatencyRange(stats.MinP99, stats.MaxP99)}";
        string text;
        if (n >= 3)
        {
            double every = MinuteSeconds / (n / (double)replicas);
            string where = replicas == 1 ? "" : $" on each of {replicas} replicas";
            text = $"reloads every {(every < 10 ? Decimal1(every) : Number(every))} s{where} ({n} in the last minute, {Latency(meanMs)} each); {disturbed}{p99}";
        }
        else
        {
            string who = string.Join(", ", reloads.Select(r => $"{r.Controller}-{r.Replica}").Distinct());
            text = $"{n} reload{(n == 1 ? "" : "s")} in the last minute ({who}, {Latency(meanMs)}); {disturbed}{p99}";
        }
        string opening = !first || n < 3 ? "" : _reloadCount == n ? "reloads begin: " : "reloads resume: ";
        say(PReloads, t1, "reloads", opening + text);
    }

    private void NarrateXds(int minute, double t1, List<TimelineEvent> events, Sayer say)
    {
        var xds = events.Where(e => e.Kind == "xds").ToList();
        int n = xds.Count;
        if (n == 0)
        {
            if (_xdsRate >= 3) { say(PXds, t1, "xds", "xDS updates stop"); _xdsRate = 0; _xdsReportedMinute = minute; }
            return;
        }
        bool first = _xdsRate == 0;
        bool changed = Math.Abs(n / (double)Math.Max(1, _xdsRate) - 1) >= 0.5;
        if (!first && !changed && minute - _xdsReportedMinute < ReminderMinutes) return;
        _xdsRate = n;
        _xdsReportedMinute = minute;
        string types = string.Join(", ", xds.GroupBy(e => e.Detail.Split(' ')[0]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key} ×{g.Count()}"));
        string controllers = string.Join(", ", xds.Select(e => e.Subject).Distinct());
        say(PXds, t1, "xds", $"{controllers} applies {n} xDS update{(n == 1 ? "" : "s")} in the last minute ({types}), no reloads");
    }

    private void NarrateHpa(int minute, double t0, double t1, List<HpaScaleRecord> scales, Sayer say)
    {
        foreach (var s in scales)
        {
            if (s.Change > 0) _hpaPodsUp += s.Change;
            else _hpaPodsDown -= s.Change;
        }
        if (scales.Count == 0)
        {
            if (_hpa is { Quiet: false } group) say(PHpa, t0, "hpa", group.Text(t0));
            _hpa = null;
            return;
        }
        // A burst is told at once, then grouped: one line per few minutes while the HPAs keep scaling.
        bool burstStart = _hpa is null;
        _hpa ??= new HpaGroup(t0);
        _hpa.Add(scales);
        if (burstStart || minute + 1 - _hpa.FirstMinute(MinuteSeconds) >= HpaGroupMinutes)
        {
            say(PHpa, t1, "hpa", _hpa.Text(t1));
            _hpa = new HpaGroup(t1) { Quiet = true };
        }
    }

    private void FlushHpa(double at)
    {
        if (_hpa is { Quiet: false } group && _entries.Count < MaxEntries - 1) _entries.Add(new NarrativeEntry(at, "hpa", group.Text(at)));
        _hpa = null;
    }

    private void NarrateDeploys(double t1, List<TimelineEvent> events, Sayer say)
    {
        var deploys = events.Where(e => e.Kind == "deploy").ToList();
        foreach (var d in deploys) _deployTimes.Enqueue(d.At.TotalSeconds);
        while (_deployTimes.Count > 0 && _deployTimes.Peek() <= t1 - DeployTrailingSeconds) _deployTimes.Dequeue();
        int recent = _deployTimes.Count;
        double span = Math.Min(DeployTrailingSeconds, t1);
        // A rate needs a few deploys to mean something (4 to start, 3 to keep: Poisson counts wobble).
        if (recent >= (_deployRate > 0 ? 3 : 4))
        {
            double perDay = recent / span * 86_400;
            if (_deployRate == 0 || perDay / _deployRate >= 2 || perDay / _deployRate <= 0.5)
            {
                say(PDeploys, t1, "deploys", $"deploys now ~{Number(RoundTwoDigits(perDay))}/day ({recent} in the last {Minutes(span)})");
                _deployRate = perDay;
            }
            return;
        }
        if (_deployRate > 0)
        {
            say(PDeploys, t1, "deploys", $"deploys back to a trickle ({recent} in the last {Minutes(span)})");
            _deployRate = 0;
            return;
        }
        if (deploys.Count == 1) say(PDeploys, deploys[0].At.TotalSeconds, "deploys", $"deploy {deploys[0].Subject} ({deploys[0].Detail})");
        else if (deploys.Count > 1)
            say(PDeploys, deploys[0].At.TotalSeconds, "deploys", $"{deploys.Count} deploys ({string.Join(", ", deploys.Select(d => d.Subject).Distinct().Take(3))})");
    }

    private string Summary()
    {
        var parts = new List<string> { $"run ends: {Compact(_requests)} requests" };
        parts.Add(_errors == 0 ? "no errors" : $"{Percent(_requests == 0 ? 0 : _errors / (double)_requests)} errors");
        if (!double.IsNaN(_maxWindowP99)) parts.Add($"worst window p99 {Latency(_maxWindowP99)}");
        parts.Add($"{Count(_reloadCount)} reload{(_reloadCount == 1 ? "" : "s")}");
        if (_hpaPodsUp + _hpaPodsDown > 0) parts.Add($"HPA +{Count(_hpaPodsUp)}/−{Count(_hpaPodsDown)} pods");
        string text = string.Join("; ", parts);
        return _omitted > 0 ? $"{text} ({_omitted} more narrative line{(_omitted == 1 ? "" : "s")} left out to keep it short)" : text;
    }

    private static string Minutes(double seconds) => $"{Number(Math.Round(seconds / 60))} min";

    private static double RoundTwoDigits(double x)
    {
        if (x <= 0) return 0;
        double scale = Math.Pow(10, Math.Floor(Math.Log10(x)) - 1);
        return Math.Round(x / scale) * scale;
    }

    private sealed class Minute
    {
        public readonly List<WindowPoint> Windows = [];
        public readonly List<ReloadRecord> Reloads = [];
        public readonly List<TimelineEvent> Events = [];
        public readonly List<HpaScaleRecord> Hpa = [];
    }

    /// <summary>HPA rescales since the last HPA line.</summary>
    private sealed class HpaGroup(double start)
    {
        private readonly HashSet<string> _up = new(StringComparer.Ordinal), _down = new(StringComparer.Ordinal);
        private int _upPods, _downPods, _decisions;
        private HpaScaleRecord? _largestUp, _largestDown, _only;

        public bool Quiet { get; set; }

        public int FirstMinute(double minuteSeconds) => (int)Math.Floor(start / minuteSeconds);

        public void Add(List<HpaScaleRecord> scales)
        {
            Quiet = false;
            foreach (var s in scales)
            {
                _decisions++;
                _only = _decisions == 1 ? s : null;
                if (s.Change > 0) { _up.Add(s.Service); _upPods += s.Change; }
                else { _down.Add(s.Service); _downPods -= s.Change; }
                if (s.Change > 0 && (_largestUp is null || s.Change > _largestUp.Change)) _largestUp = s;
                if (s.Change < 0 && (_largestDown is null || s.Change < _largestDown.Change)) _largestDown = s;
            }
        }

        public string Text(double at)
        {
            if (_only is { } one) return $"HPA scales {Decision(one)}";
            var parts = new List<string>();
            if (_up.Count > 0) parts.Add($"{Count(_up.Count)} service{(_up.Count == 1 ? "" : "s")} up (+{Count(_upPods)} pods)");
            if (_down.Count > 0) parts.Add($"{Count(_down.Count)} service{(_down.Count == 1 ? "" : "s")} down (−{Count(_downPods)} pods)");
            double minutes = Math.Max(1, Math.Round((at - start) / 60));
            string span = minutes <= 1 ? "the last minute" : $"the last {(int)minutes} minutes";
            // The scale-ups are the story (new pods, endpoint changes); the largest scale-down only when there is none.
            string largest = _largestUp is { } up ? $"largest{(_down.Count > 0 ? " up" : "")} {Decision(up)}" : $"largest {Decision(_largestDown!)}";
            return $"HPA scaled {string.Join(" and ", parts)} in {span}; {largest}";
        }

        private static string Decision(HpaScaleRecord s)
        {
            var d = s.Decision;
            string why = d.Metric is { } m
                ? $"CPU {m.UtilizationPercent} % of request, target {s.TargetUtilizationPercent} %"
                : d.Path.ToString();
            return $"{s.Service} {d.CurrentReplicas} → {d.DesiredReplicas} ({why})";
        }
    }

    /// <summary>The minute's windows together: counts add up; percentiles cannot, so their spread across windows is kept.</summary>
    private readonly record struct MinuteStats(
        long Requests, long Errors, double Seconds, double MedianP50, double MedianP99, double MinP99, double MaxP99, double MaxP99At,
        long[] Statuses, long Retries)
    {
        public double ErrorRate => Requests == 0 ? 0 : Errors / (double)Requests;

        public static MinuteStats Of(List<WindowPoint> windows)
        {
            long requests = 0, errors = 0, retries = 0;
            double seconds = 0, maxP99 = double.NaN, minP99 = double.NaN, maxAt = 0;
            var statuses = new long[ResponseStatuses.Count];
            var p50s = new List<double>();
            var p99s = new List<double>();
            foreach (var w in windows)
            {
                requests += w.Requests;
                errors += w.Statuses.Errors;
                retries += w.Retries;
                seconds += w.EndSeconds - w.StartSeconds;
                foreach (var status in ResponseStatuses.All) statuses[(int)status] += w.Statuses[status];
                if (w.Requests == 0 || double.IsNaN(w.Latency.P99Ms)) continue;
                p50s.Add(w.Latency.P50Ms);
                p99s.Add(w.Latency.P99Ms);
                if (double.IsNaN(maxP99) || w.Latency.P99Ms > maxP99) { maxP99 = w.Latency.P99Ms; maxAt = w.StartSeconds; }
                if (double.IsNaN(minP99) || w.Latency.P99Ms < minP99) minP99 = w.Latency.P99Ms;
            }
            return new MinuteStats(requests, errors, seconds, Median(p50s), Median(p99s), minP99, maxP99, maxAt, statuses, retries);
        }

        public string TopErrors()
        {
            var counts = Statuses;
            return string.Join(", ", ResponseStatuses.All.Where(s => s.IsError() && counts[(int)s] > 0)
                .OrderByDescending(s => counts[(int)s]).ThenBy(s => s).Take(3).Select(s => $"{s.Label()} ×{Count(counts[(int)s])}"));
        }

        private static double Median(List<double> values)
        {
            if (values.Count == 0) return double.NaN;
            values.Sort();
            int mid = values.Count / 2;
            return values.Count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
        }
    }
}

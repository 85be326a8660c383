using System.Diagnostics;
using System.Globalization;
using System.Text;
using IngressSim.Model.Metrics;
using IngressSim.Model.Running;
using IngressSim.Reporting.Narrative;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace IngressSim.Cli;

/// <summary>
/// <c>replay</c>'s story telling. The simulation runs once; a <see cref="Narrator"/> reads the recorder's
/// logs between windows (on the simulation's thread) and narrates each minute once it is settled.
/// Live: the simulation runs on a worker thread, ahead of the display, while the display's clock advances
/// at the chosen speed (wall-clock sleeps here only: the engine never reads the wall clock) but never past
/// what is narrated, so lines appear at their simulated time with the p99 sparkline and counters of that
/// moment. Otherwise (<c>--speed max</c>, or not a terminal) the narrative is printed at once.
/// </summary>
public static class ReplayView
{
    private const int VisibleLines = 14, SparklineWidth = 60;
    private static readonly TimeSpan Frame = TimeSpan.FromMilliseconds(100);

    /// <summary>Everything the display needs, copied from the simulation thread under a lock.</summary>
    private sealed class Shared
    {
        public readonly object Gate = new();
        public readonly List<NarrativeEntry> Entries = [];
        public readonly List<(double End, double P99Ms, long Requests, long Errors)> Windows = [];
        public readonly List<double> ReloadTimes = [];
        public readonly List<(double At, int Change)> HpaChanges = [];
        public double NarratedUntil, End;
        public int WindowCursor, EventCursor, HpaCursor;
    }

    /// <summary>
    /// How long after a reload its record is final: the longest client keep-alive timeout of the
    /// controllers (ControllerSync records a reload once no client can still find a connection it closed),
    /// plus a minute for the reload to be applied (its start is what the record is filed under).
    /// </summary>
    public static double SettleSeconds(double longestKeepAliveSeconds) => longestKeepAliveSeconds + 60;

    /// <summary>Runs the simulation quietly (a progress bar on a terminal) and prints the narrative at once.</summary>
    public static RunResult RunAtOnce(ScenarioRun run, IWindowSink sink, CancellationToken cancellation, TextWriter output)
    {
        var result = RunProgressView.Run(run, sink, cancellation);
        PrintNarrative(Narrator.Build(result), output);
        return result;
    }

    /// <summary>One line per entry: <c>10:40  reloads  …</c>.</summary>
    public static void PrintNarrative(IReadOnlyList<NarrativeEntry> entries, TextWriter output)
    {
        int clockWidth = entries.Count == 0 ? 5 : entries.Max(e => e.Clock.Length);
        foreach (var e in entries) output.WriteLine($"{e.Clock.PadLeft(clockWidth)}  {e.Kind,-8} {e.Text}");
    }

    /// <summary>The live display on <paramref name="console"/>; returns once the display has caught up with the end.</summary>
    /// <returns>The run's result and the narrative as it was told (the same entries as <see cref="Narrator.Build"/> on the result).</returns>
    public static (RunResult Result, IReadOnlyList<NarrativeEntry> Narrative) Play(IAnsiConsole console, ScenarioRun run, IWindowSink sink, IReadOnlyList<NarrativePhase> phases,
        double settleSeconds, ReplaySpeed speed, CancellationToken cancellation)
    {
        var shared = new Shared();
        Narrator? narrator = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var simulation = Task.Run(() =>
        {
            var result = run.Execute(sink, progress =>
            {
                var metrics = run.Metrics!;
                narrator ??= new Narrator(phases, progress.End.TotalSeconds);
                var added = narrator.Advance(NarrativeData.Of(metrics), progress.Now.TotalSeconds - settleSeconds);
                Publish(shared, metrics, added, narrator.NarratedUntilSeconds, progress.End.TotalSeconds);
            }, stop.Token);
            narrator ??= new Narrator(phases, result.SimulatedSeconds);
            var rest = narrator.Finish(NarrativeData.Of(run.Metrics!));
            Publish(shared, run.Metrics!, rest, result.SimulatedSeconds, result.SimulatedSeconds);
            return result;
        }, stop.Token);

        string title = Markup.Escape($"{run.Identity.Scenario} [{run.Identity.Variant}]  seed {run.Identity.Seed}  speed {speed}");
        double shown = 0;
        try
        {
            console.Live(Render(title, shared, 0, 0))
                .AutoClear(true)
                .Overflow(VerticalOverflow.Ellipsis)
                .Start(context =>
                {
                    long last = Stopwatch.GetTimestamp();
                    while (true)
                    {
                        stop.Token.ThrowIfCancellationRequested();
                        if (simulation.IsFaulted || simulation.IsCanceled) break;
                        long now = Stopwatch.GetTimestamp();
                        double wall = Stopwatch.GetElapsedTime(last, now).TotalSeconds;
                        last = now;
                        double available, runEnd;
                        lock (shared.Gate) (available, runEnd) = (shared.NarratedUntil, shared.End);
                        bool done = simulation.IsCompleted;
                        // The clock never runs past what is narrated: when the simulation is slower than the pace, it waits.
                        shown = Math.Min(shown + wall * speed.SimulatedSecondsPerSecond, available);
                        context.UpdateTarget(Render(title, shared, shown, runEnd));
                        if (done && shown >= runEnd) break;
                        Thread.Sleep(Frame);
                    }
                });
        }
        catch (OperationCanceledException)
        {
            stop.Cancel();
            try { simulation.Wait(CancellationToken.None); } catch (AggregateException) { }
            throw;
        }
        try
        {
            var result = simulation.GetAwaiter().GetResult();
            lock (shared.Gate) return (result, shared.Entries.ToArray());
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellation);
        }
    }

    private static void Publish(Shared shared, MetricsRecorder metrics, IReadOnlyList<NarrativeEntry> added, double narratedUntil, double end)
    {
        lock (shared.Gate)
        {
            shared.Entries.AddRange(added);
            var windows = metrics.ClosedWindows;
            for (; shared.WindowCursor < windows.Count; shared.WindowCursor++)
            {
                var w = windows[shared.WindowCursor];
                shared.Windows.Add((w.EndSeconds, w.Latency.P99Ms, w.Requests, w.Statuses.Errors));
            }
            var events = metrics.TimelineSoFar;
            for (; shared.EventCursor < events.Count; shared.EventCursor++)
                if (events[shared.EventCursor].Kind == "reload") shared.ReloadTimes.Add(events[shared.EventCursor].At.TotalSeconds);
            var hpa = metrics.HpaScalesSoFar;
            for (; shared.HpaCursor < hpa.Count; shared.HpaCursor++) shared.HpaChanges.Add((hpa[shared.HpaCursor].At.TotalSeconds, hpa[shared.HpaCursor].Change));
            shared.NarratedUntil = narratedUntil;
            shared.End = end;
        }
    }

    private static IRenderable Render(string title, Shared shared, double at, double runEnd)
    {
        long requests = 0, errors = 0;
        int reloads, hpaPods = 0;
        var p99 = new List<double>();
        List<NarrativeEntry> lines;
        lock (shared.Gate)
        {
            foreach (var w in shared.Windows)
            {
                if (w.End > at) break;
                requests += w.Requests;
                errors += w.Errors;
                p99.Add(w.P99Ms);
            }
            reloads = shared.ReloadTimes.Count(t => t <= at);
            foreach (var (t, change) in shared.HpaChanges) if (t <= at) hpaPods += change;
            lines = shared.Entries.Where(e => e.AtSeconds <= at).TakeLast(VisibleLines).ToList();
        }
        var recent = p99.TakeLast(SparklineWidth).ToList();
        double current = recent.Count == 0 ? double.NaN : recent[^1];
        var inv = CultureInfo.InvariantCulture;
        string clock = NarrativeText.Clock(at) + (runEnd > 0 ? " / " + NarrativeText.Clock(runEnd) : "");
        var counters = new Grid().AddColumns(5)
            .AddRow(
                new Markup($"[bold]{Markup.Escape(clock)}[/]"),
                new Markup($"requests [bold]{NarrativeText.Compact(requests)}[/]"),
                new Markup($"errors [bold]{(requests == 0 ? "0 %" : NarrativeText.Percent(errors / (double)requests))}[/]"),
                new Markup($"reloads [bold]{reloads.ToString(inv)}[/]"),
                new Markup($"HPA pods [bold]{(hpaPods >= 0 ? "+" : "−")}{Math.Abs(hpaPods).ToString(inv)}[/]"));
        string spark = Sparkline(recent);
        double top = recent.Where(v => !double.IsNaN(v)).DefaultIfEmpty(double.NaN).Max();
        var sparkLine = new Markup($"p99 [yellow]{Markup.Escape(spark)}[/] now {Markup.Escape(NarrativeText.Latency(current))}, max {Markup.Escape(NarrativeText.Latency(top))}");
        var story = new StringBuilder();
        foreach (var e in lines)
            story.Append(CultureInfo.InvariantCulture, $"[grey]{Markup.Escape(e.Clock)}[/]  [bold]{Markup.Escape(e.Kind),-8}[/] {Markup.Escape(e.Text)}\n");
        return new Rows(
            new Markup($"[bold]{title}[/]"),
            counters,
            sparkLine,
            new Rule(),
            new Markup(story.Length == 0 ? "[grey]…[/]" : story.ToString().TrimEnd('\n')));
    }

    /// <summary>One block per window, scaled to the largest value shown.</summary>
    public static string Sparkline(IReadOnlyList<double> values)
    {
        const string blocks = "▁▂▃▄▅▆▇█";
        double max = values.Where(v => !double.IsNaN(v)).DefaultIfEmpty(0).Max();
        var sb = new StringBuilder(values.Count);
        foreach (var v in values)
            sb.Append(double.IsNaN(v) || max <= 0 ? ' ' : blocks[Math.Clamp((int)(v / max * (blocks.Length - 1) + 0.5), 0, blocks.Length - 1)]);
        return sb.ToString();
    }
}

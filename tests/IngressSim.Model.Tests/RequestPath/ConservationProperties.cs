using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IngressSim.Model.Metrics;
using IngressSim.Model.Running;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// Every request the clients start ends exactly once — with a response of some status, a client
/// timeout or a reset — or is still open for its client when the run stops. Checked at every window
/// boundary of random scenarios (random windows put the stops at random instants) and at the end,
/// against the request path's counters and against what the metrics recorded.
/// </summary>
public class ConservationProperties
{
    private sealed record Check(string Label, bool Holds);

    private static List<Check> Conservation(PathScenario scenario)
    {
        var checks = new List<Check>();
        var rows = new RowCollector();
        var run = new ScenarioRun(scenario.Load());
        var result = run.Execute(rows, progress =>
        {
            var path = run.Path!;
            long started = path.Started, finished = path.Finished, inFlight = path.InFlight;
            checks.Add(new($"at {progress.Now}: started {started} = finished {finished} + in flight {inFlight}", started == finished + inFlight));
        });
        var p = run.Path!;
        checks.Add(new($"end: started {p.Started} = finished {p.Finished} + in flight {p.InFlight}", p.Started == p.Finished + p.InFlight));
        checks.Add(new($"end: RunResult.Requests {result.Requests} = finished {p.Finished}", result.Requests == p.Finished));

        var seriesRows = rows.Rows.Where(r => r.Series != MetricsRecorder.AllSeriesName).ToList();
        var allRows = rows.Rows.Where(r => r.Series == MetricsRecorder.AllSeriesName).ToList();
        long inSeriesRows = seriesRows.Sum(r => r.Statuses.Total);
        long inAllRows = allRows.Sum(r => r.Statuses.Total);
        checks.Add(new($"series rows {inSeriesRows} = requests {result.Requests}", inSeriesRows == result.Requests));
        checks.Add(new($"'all' rows {inAllRows} = requests {result.Requests}", inAllRows == result.Requests));
        checks.Add(new($"series results {result.Series.Sum(s => s.Requests)} = requests {result.Requests}", result.Series.Sum(s => s.Requests) == result.Requests));
        checks.Add(new($"latency count {result.Latency.Count} = requests {result.Requests}", result.Latency.Count == result.Requests));
        checks.Add(new($"retries in rows {seriesRows.Sum(r => r.Retries)} = result {result.Retries}", seriesRows.Sum(r => r.Retries) == result.Retries));
        checks.Add(new("no retries without a retry policy", scenario.Retry is not null || result.Retries == 0));
        checks.Add(new($"requests started {p.Started} > 0", p.Started > 0));
        checks.AddRange(TimeConserved(result));
        return checks;
    }

    /// <summary>
    /// Every nanosecond of a request is spent in exactly one cause: per window, per phase and over the run,
    /// the mean time per cause adds up to the (exact) mean latency, and the slowest request's causes to its latency.
    /// </summary>
    private static IEnumerable<Check> TimeConserved(RunResult result)
    {
        static bool Adds(LatencyBreakdown b, LatencySummary l) =>
            b.Requests == l.Count && (l.Count == 0 || Math.Abs(b.MeanMs.Sum() - l.MeanMs) <= 1e-6 * Math.Max(1, l.MeanMs));
        yield return new($"run: causes {result.Breakdown.MeanMs.Sum()} ms = mean latency {result.Latency.MeanMs} ms", Adds(result.Breakdown, result.Latency));
        foreach (var phase in result.Phases)
            yield return new($"phase {phase.Name}: causes add up to the mean latency", Adds(phase.Breakdown, phase.Latency));
        foreach (var w in result.Windows)
        {
            yield return new($"window {w.StartSeconds}: causes {w.Breakdown.MeanMs.Sum()} ms = mean {w.Latency.MeanMs} ms", Adds(w.Breakdown, w.Latency));
            if (w.Slowest is { } slow)
                yield return new($"window {w.StartSeconds}: slowest {slow.LatencyMs} ms = its causes {slow.Ms.Sum()} ms, and is the window's max {w.Latency.MaxMs}",
                    Math.Abs(slow.Ms.Sum() - slow.LatencyMs) < 1e-6 * Math.Max(1, slow.LatencyMs) && Math.Abs(slow.LatencyMs - w.Latency.MaxMs) < 1e-9 * Math.Max(1, slow.LatencyMs));
        }
    }

    private static Property AllHold(List<Check> checks)
    {
        var failed = checks.Where(c => !c.Holds).Select(c => c.Label).ToList();
        return (failed.Count == 0).Label(string.Join("; ", failed));
    }

    [Property(MaxTest = 40)]
    public Property Execute_AnyScenarioStoppedAnywhere_StartedIsFinishedPlusInFlight() =>
        Prop.ForAll(PathScenarioGen.Any.ToArbitrary(), scenario => AllHold(Conservation(scenario)));

    [Property(MaxTest = 30)]
    public Property Execute_ScenarioWithCrashesDeploysAndReloads_StartedIsFinishedPlusInFlight() =>
        Prop.ForAll(PathScenarioGen.AnyWithTimeline.ToArbitrary(), scenario => AllHold(Conservation(scenario)));

    [Fact]
    public void Execute_OverloadedPodsWithTimeoutsAndRetries_ConservesRequests()
    {
        // A deliberately bad case: one slow pod, impatient clients retrying, keep-alive on.
        var scenario = new PathScenario
        {
            Duration = "3s",
            Window = "700ms",
            Rate = "{constant: 800/s}",
            PodReplicas = 1,
            Concurrency = 2,
            ServiceTime = "{exponential: {mean: 20ms}}",
            Timeout = "50ms",
            Retry = "count: 3, backoff: 5ms",
        };
        var checks = Conservation(scenario);
        Assert.All(checks, c => Assert.True(c.Holds, c.Label));
    }
}

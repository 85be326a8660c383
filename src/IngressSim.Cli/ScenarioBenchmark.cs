using System.Diagnostics;
using IngressSim.Model.Metrics;
using IngressSim.Model.Running;
using IngressSim.Scenarios.Loading;

namespace IngressSim.Cli;

/// <summary>
/// <c>bench scenario</c>: one run with nothing written (window rows are dropped), timed on the wall
/// clock; memory is the process's peak working set, so 1 h and 24 h of simulated time can be compared.
/// </summary>
public static class ScenarioBenchmark
{
    public static ScenarioBenchmarkResult Measure(LoadedScenario scenario, CancellationToken cancellation)
    {
        var run = new ScenarioRun(scenario);
        long started = Stopwatch.GetTimestamp();
        var result = run.Execute(DiscardWindowRows.Instance, null, cancellation);
        double wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return new ScenarioBenchmarkResult(
            Scenario: result.Run.Scenario,
            Variant: result.Run.Variant,
            SimulatedSeconds: result.SimulatedSeconds,
            WallSeconds: wall,
            Requests: result.Requests,
            Events: result.Events,
            RequestsPerSecond: result.Requests / wall,
            EventsPerSecond: result.Events / wall,
            SpeedUpOverRealTime: result.SimulatedSeconds / wall,
            PeakMemoryBytes: process.PeakWorkingSet64);
    }
}

/// <summary>The <c>bench scenario</c> figures; requests per second are simulated requests per wall-clock second.</summary>
public sealed record ScenarioBenchmarkResult(
    string Scenario, string Variant, double SimulatedSeconds, double WallSeconds, long Requests, long Events,
    double RequestsPerSecond, double EventsPerSecond, double SpeedUpOverRealTime, long PeakMemoryBytes);

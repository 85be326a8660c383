using IngressSim.Model.Metrics;

namespace IngressSim.Experiments.Comparison;

/// <summary>The p99 of all requests in one window of a run (NaN when the window saw none).</summary>
public readonly record struct WindowP99(double StartSeconds, double EndSeconds, double P99Ms);

/// <summary>The figures a comparison aggregates of one phase (or the whole run) of one replication.</summary>
public readonly record struct SegmentSample(
    string Name, double StartSeconds, double EndSeconds, long Requests, long Errors, double P50Ms, double P95Ms, double P99Ms, long Reloads)
{
    /// <summary>Share of responses that were not 2xx; NaN without requests.</summary>
    public double ErrorRate => Requests == 0 ? double.NaN : Errors / (double)Requests;
}

/// <summary>
/// What a comparison keeps of one run: a few numbers per phase and the p99 per window — not the whole
/// <see cref="RunResult"/>, whose CDFs and logs would hold memory for variants × replications runs.
/// </summary>
public sealed record ReplicationSample(ulong Seed, IReadOnlyList<SegmentSample> Phases, SegmentSample WholeRun, IReadOnlyList<WindowP99> Windows)
{
    public static ReplicationSample From(RunResult result) => new(
        result.Run.Seed,
        result.Phases.Select(p => Segment(p.Name, p.StartSeconds, p.EndSeconds, p.Statuses, p.Latency, p.Reloads)).ToArray(),
        Segment(WholeRunName, 0, result.SimulatedSeconds, result.Statuses, result.Latency, result.Reloads),
        result.Windows.Select(w => new WindowP99(w.StartSeconds, w.EndSeconds, w.Latency.P99Ms)).ToArray());

    /// <summary>The name of the whole-run row, as the run summary table calls it.</summary>
    public const string WholeRunName = "whole run";

    private static SegmentSample Segment(string name, double start, double end, StatusCounts statuses, LatencySummary latency, ReloadSummary reloads) =>
        new(name, start, end, statuses.Total, statuses.Errors, latency.P50Ms, latency.P95Ms, latency.P99Ms, reloads.Count);
}

using System.Text.Json;
using IngressSim.Model.Metrics;
using IngressSim.Scenarios.Sweeps;

namespace IngressSim.Experiments.Sweeps;

/// <summary>
/// What a sweep keeps of one run (a <c>units/NNNNNN.json</c> file): per reported phase the value of each
/// metric, in the manifest's order (null where undefined, e.g. a p99 without requests). It names its
/// sweep's fingerprint, so a unit cannot be merged into another sweep. Nothing in it depends on wall time.
/// </summary>
public sealed record UnitResult
{
    public required string Sweep { get; init; }
    public required int Unit { get; init; }
    public required int Point { get; init; }
    public required int Replication { get; init; }
    public required ulong Seed { get; init; }
    public required IReadOnlyList<UnitPhase> Phases { get; init; }

    public static UnitResult From(RunResult run, SweepUnit unit, SweepManifest manifest, string fingerprint)
    {
        var phases = manifest.Phases.Select(name =>
        {
            if (name == SweepPhases.WholeRun)
                return new UnitPhase(name, 0, run.SimulatedSeconds, Values(manifest.Metrics, run.Statuses, run.Latency, run.Reloads));
            // A phase the base scenario declares but this point's variant dropped: no values, not an error.
            var phase = run.Phases.FirstOrDefault(p => p.Name == name);
            return phase is null
                ? new UnitPhase(name, null, null, manifest.Metrics.Select(_ => (double?)null).ToArray())
                : new UnitPhase(name, phase.StartSeconds, phase.EndSeconds, Values(manifest.Metrics, phase.Statuses, phase.Latency, phase.Reloads));
        }).ToArray();
        return new UnitResult { Sweep = fingerprint, Unit = unit.Index, Point = unit.Point, Replication = unit.Replication, Seed = unit.Seed, Phases = phases };
    }

    private static double?[] Values(IReadOnlyList<SweepMetric> metrics, StatusCounts statuses, LatencySummary latency, ReloadSummary reloads) =>
        metrics.Select(metric => Defined(metric switch
        {
            SweepMetric.Requests => statuses.Total,
            SweepMetric.ErrorRate => statuses.Total == 0 ? double.NaN : statuses.Errors / (double)statuses.Total,
            SweepMetric.ClientTimeouts => statuses[ResponseStatus.ClientTimeout],
            SweepMetric.MeanMs => latency.MeanMs,
            SweepMetric.P50Ms => latency.P50Ms,
            SweepMetric.P95Ms => latency.P95Ms,
            SweepMetric.P99Ms => latency.P99Ms,
            SweepMetric.P999Ms => latency.P999Ms,
            SweepMetric.Reloads => reloads.Count,
            _ => throw new ArgumentOutOfRangeException(nameof(metrics), metric, "no such metric"),
        })).ToArray();

    private static double? Defined(double value) => double.IsFinite(value) ? value : null;

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, SweepManifest.Json);

    /// <summary>Null when the bytes are not a unit result.</summary>
    public static UnitResult? Parse(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<UnitResult>(bytes, SweepManifest.Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One phase of one unit: its bounds in seconds (null when the run had no such phase) and a value per metric.</summary>
public sealed record UnitPhase(string Name, double? Start, double? End, IReadOnlyList<double?> Values);

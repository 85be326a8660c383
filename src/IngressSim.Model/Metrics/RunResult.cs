using IngressSim.Model.Alerts;
using IngressSim.Model.Cost;

namespace IngressSim.Model.Metrics;

/// <summary>Which run this is: enough to reproduce it.</summary>
public sealed record RunIdentity(string Scenario, string Variant, ulong Seed);

/// <summary>Requests, their statuses and latencies, and reloads over one phase of the run.</summary>
public sealed record PhaseResult(
    string Name,
    double StartSeconds,
    double EndSeconds,
    StatusCounts Statuses,
    LatencySummary Latency,
    IReadOnlyList<CdfPoint> LatencyCdf,
    ReloadSummary Reloads)
{
    public long Requests => Statuses.Total;

    /// <summary>Mean time per cause of the requests that completed in the phase.</summary>
    public LatencyBreakdown Breakdown { get; init; } = LatencyBreakdown.Empty;

    /// <summary>Peak nginx memory and OOM kills in the phase.</summary>
    public NginxMemorySummary NginxMemory { get; init; }
}

/// <summary>Whole-run figures of one series (an Ingress route or a Service).</summary>
public sealed record SeriesResult(
    string Name, StatusCounts Statuses, LatencySummary Latency, long Retries, long NewConnections,
    long TlsFullHandshakes, long TlsResumedHandshakes)
{
    public long Requests => Statuses.Total;
}

/// <summary>
/// Everything a run recorded, immutable: the one result model every exporter reads (after
/// BenchmarkDotNet's Summary). Per-window per-series rows are not here — they were streamed to the
/// window sink during the run.
/// </summary>
public sealed record RunResult(
    RunIdentity Run,
    double SimulatedSeconds,
    double WallSeconds,
    long Events,
    double WindowSeconds,
    StatusCounts Statuses,
    long Retries,
    LatencySummary Latency,
    IReadOnlyList<CdfPoint> LatencyCdf,
    ReloadSummary Reloads,
    IReadOnlyList<PhaseResult> Phases,
    IReadOnlyList<SeriesResult> Series,
    IReadOnlyList<WindowPoint> Windows,
    IReadOnlyList<ReloadRecord> ReloadLog,
    long ReloadsDropped,
    IReadOnlyList<TimelineEvent> Timeline,
    long TimelineDropped)
{
    public long Requests => Statuses.Total;

    /// <summary>Requests that carried a session-affinity cookie, and those that still reached another pod.</summary>
    public SessionAffinityCounts Affinity { get; init; }

    /// <summary>How WebSocket sessions ended.</summary>
    public WebSocketCounts WebSockets { get; init; }

    /// <summary>Peak nginx memory of any replica and the OOM kills.</summary>
    public NginxMemorySummary NginxMemory { get; init; }

    /// <summary>Mean time per cause over every request of the run.</summary>
    public LatencyBreakdown Breakdown { get; init; } = LatencyBreakdown.Empty;

    /// <summary>The scenario's alert rules and when each fired and resolved.</summary>
    public IReadOnlyList<AlertResult> Alerts { get; init; } = [];

    /// <summary>The design's monthly cost from the scenario's prices; null for results built without a scenario (tests).</summary>
    public CostEstimate? Cost { get; init; }

    /// <summary>Every HPA rescale with the inputs of its calculation, in time order (bounded like the other logs).</summary>
    public IReadOnlyList<HpaScaleRecord> HpaScales { get; init; } = [];

    public long HpaScalesDropped { get; init; }
}

/// <summary>
/// Why a WebSocket session ended: its own lifetime, or cut by the proxy — idle timeout, an nginx reload's
/// worker-shutdown-timeout, a controller crash, or the end of an Envoy listener drain.
/// </summary>
public enum WebSocketEnd : byte { Completed, IdleTimeout, WorkerShutdown, ControllerCrash, ListenerDrain }

/// <summary>WebSocket sessions by how they ended (a cut session is one the client did not choose to end).</summary>
public readonly record struct WebSocketCounts(long Completed, long IdleTimeout, long WorkerShutdown, long ControllerCrash, long ListenerDrain)
{
    public long Sessions => Completed + IdleTimeout + WorkerShutdown + ControllerCrash + ListenerDrain;
    public double CutFraction => Sessions == 0 ? 0 : (double)(Sessions - Completed) / Sessions;
}

/// <summary>
/// Cookie affinity as the application sees it: a request carrying the cookie should reach the pod that
/// set it. The article's edge case is when it does not (service-upstream: kube-proxy picks the pod).
/// </summary>
public readonly record struct SessionAffinityCounts(long Requests, long Broken)
{
    public double BrokenFraction => Requests == 0 ? 0 : (double)Broken / Requests;
}

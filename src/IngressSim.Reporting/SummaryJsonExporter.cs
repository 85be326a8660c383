using System.Text.Json;
using IngressSim.Model.Alerts;
using IngressSim.Model.Cost;
using IngressSim.Model.Metrics;

namespace IngressSim.Reporting;

/// <summary>
/// <c>summary.json</c> with the field names of issues 4 and 5. Written field by field in a fixed order,
/// so the same result gives the same bytes; <c>wallSeconds</c> is the one field that varies between
/// identical runs, and <paramref name="deterministic"/> writes 0 there for byte-identity checks.
/// Undefined statistics (no requests, fewer than two reloads) are <c>null</c>.
/// </summary>
public sealed class SummaryJsonExporter(bool deterministic = false) : IResultExporter
{
    public string FileName => "summary.json";

    public void Export(RunResult result, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteString("scenario", result.Run.Scenario);
        json.WriteString("variant", result.Run.Variant);
        json.WriteNumber("seed", result.Run.Seed);
        json.WriteNumber("simulatedSeconds", result.SimulatedSeconds);
        json.WriteNumber("wallSeconds", deterministic ? 0 : result.WallSeconds);
        json.WriteNumber("events", result.Events);
        json.WriteNumber("windowSeconds", result.WindowSeconds);
        WriteRequests(json, result.Statuses);
        json.WriteNumber("retries", result.Retries);
        WriteLatency(json, result.Latency);
        WriteBreakdown(json, result.Breakdown);
        WriteReloads(json, result.Reloads);
        json.WriteStartObject("sessionAffinity");
        json.WriteNumber("requests", result.Affinity.Requests);
        json.WriteNumber("broken", result.Affinity.Broken);
        json.WriteNumber("brokenFraction", result.Affinity.BrokenFraction);
        json.WriteEndObject();
        json.WriteStartObject("webSockets");
        json.WriteNumber("sessions", result.WebSockets.Sessions);
        json.WriteNumber("completed", result.WebSockets.Completed);
        json.WriteNumber("cutByIdleTimeout", result.WebSockets.IdleTimeout);
        json.WriteNumber("cutByWorkerShutdown", result.WebSockets.WorkerShutdown);
        json.WriteNumber("cutByControllerCrash", result.WebSockets.ControllerCrash);
        json.WriteNumber("cutByListenerDrain", result.WebSockets.ListenerDrain);
        json.WriteNumber("cutFraction", result.WebSockets.CutFraction);
        json.WriteEndObject();
        WriteNginxMemory(json, result.NginxMemory);
        json.WriteStartArray("phases");
        foreach (var phase in result.Phases)
        {
            json.WriteStartObject();
            json.WriteString("name", phase.Name);
            json.WriteNumber("start", phase.StartSeconds);
            json.WriteNumber("end", phase.EndSeconds);
            WriteRequests(json, phase.Statuses);
            WriteLatency(json, phase.Latency);
            WriteBreakdown(json, phase.Breakdown);
            WriteReloads(json, phase.Reloads);
            WriteNginxMemory(json, phase.NginxMemory);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("series");
        foreach (var series in result.Series)
        {
            json.WriteStartObject();
            json.WriteString("name", series.Name);
            WriteRequests(json, series.Statuses);
            WriteLatency(json, series.Latency);
            json.WriteNumber("retries", series.Retries);
            json.WriteNumber("newConnections", series.NewConnections);
            json.WriteNumber("tlsFullHandshakes", series.TlsFullHandshakes);
            json.WriteNumber("tlsResumedHandshakes", series.TlsResumedHandshakes);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("dropped");
        json.WriteNumber("reloads", result.ReloadsDropped);
        json.WriteNumber("timelineEvents", result.TimelineDropped);
        json.WriteEndObject();
        WriteAlerts(json, result.Alerts);
        if (result.Cost is { } cost) WriteCost(json, cost);
        json.WriteEndObject();
    }

    private static void WriteAlerts(Utf8JsonWriter json, IReadOnlyList<AlertResult> alerts)
    {
        json.WriteStartArray("alerts");
        foreach (var alert in alerts)
        {
            json.WriteStartObject();
            json.WriteString("name", alert.Name);
            json.WriteString("description", alert.Description ?? "");
            json.WriteString("severity", alert.Severity);
            json.WriteString("expression", alert.Expression);
            json.WriteStartArray("firings");
            foreach (var firing in alert.Firings)
            {
                json.WriteStartObject();
                json.WriteNumber("firedAtSeconds", firing.FiredAtSeconds);
                if (firing.ResolvedAtSeconds is { } resolved) json.WriteNumber("resolvedAtSeconds", resolved);
                else json.WriteNull("resolvedAtSeconds");
                Number(json, "peakValue", firing.PeakValue);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteCost(Utf8JsonWriter json, CostEstimate cost)
    {
        json.WriteStartObject("cost");
        json.WriteString("currency", cost.Currency);
        json.WriteNumber("monthlyTotal", cost.MonthlyTotal);
        json.WriteStartArray("items");
        foreach (var item in cost.Items)
        {
            json.WriteStartObject();
            json.WriteString("name", item.Name);
            json.WriteNumber("quantity", item.Quantity);
            json.WriteNumber("unitMonthly", item.UnitMonthly);
            json.WriteNumber("monthly", item.Monthly);
            json.WriteString("note", item.Note);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteRequests(Utf8JsonWriter json, in StatusCounts statuses)
    {
        json.WriteStartObject("requests");
        json.WriteNumber("total", statuses.Total);
        json.WriteStartObject("byStatus");
        foreach (var status in ResponseStatuses.All) json.WriteNumber(status.Label(), statuses[status]);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteLatency(Utf8JsonWriter json, LatencySummary latency)
    {
        json.WriteStartObject("latencyMs");
        Number(json, "mean", latency.MeanMs);
        Number(json, "p50", latency.P50Ms);
        Number(json, "p95", latency.P95Ms);
        Number(json, "p99", latency.P99Ms);
        Number(json, "p999", latency.P999Ms);
        Number(json, "max", latency.MaxMs);
        json.WriteEndObject();
    }

    /// <summary>Mean milliseconds per cause; they add up to the mean latency (null without requests).</summary>
    private static void WriteBreakdown(Utf8JsonWriter json, LatencyBreakdown breakdown)
    {
        json.WriteStartObject("latencyBreakdownMs");
        foreach (var cause in LatencyCauses.All)
            Number(json, LatencyCauses.JsonName(cause), breakdown.Requests == 0 ? double.NaN : breakdown[cause]);
        json.WriteEndObject();
    }

    private static void WriteReloads(Utf8JsonWriter json, ReloadSummary reloads)
    {
        json.WriteStartObject("reloads");
        json.WriteNumber("count", reloads.Count);
        Number(json, "meanIntervalSeconds", reloads.MeanIntervalSeconds);
        json.WriteStartObject("durationMs");
        Number(json, "p50", reloads.DurationP50Ms);
        Number(json, "max", reloads.DurationMaxMs);
        json.WriteEndObject();
        Number(json, "affectedConnectionFraction", reloads.AffectedConnectionFraction);
        json.WriteEndObject();
    }

    /// <summary>The busiest replica's peak nginx memory and generations (null without nginx replicas) and the OOM kills.</summary>
    private static void WriteNginxMemory(Utf8JsonWriter json, NginxMemorySummary memory)
    {
        bool any = memory.PeakWorkerGenerations > 0;
        json.WriteStartObject("nginxMemory");
        Number(json, "peakBytes", any ? memory.PeakBytes : double.NaN);
        Number(json, "peakWorkerGenerations", any ? memory.PeakWorkerGenerations : double.NaN);
        json.WriteNumber("oomKills", memory.OomKills);
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsNaN(value)) json.WriteNull(name);
        else json.WriteNumber(name, value);
    }
}

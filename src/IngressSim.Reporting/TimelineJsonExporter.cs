using System.Text.Json;
using IngressSim.Model.Metrics;
using IngressSim.Reporting.Narrative;

namespace IngressSim.Reporting;

/// <summary>
/// <c>timeline.json</c>: the run's event log in full, so <c>explain</c> can answer "why" from a results
/// folder later — every timeline event, every reload with the connections it disturbed, and every HPA
/// rescale with the inputs of its calculation (current and desired replicas, utilisation against the
/// target, tolerance, the pods counted). Bounded like the logs it copies (the recorder's log capacity);
/// <c>dropped</c> says how many entries the run only counted.
/// </summary>
public sealed class TimelineJsonExporter : IResultExporter
{
    public const string Name = "timeline.json";

    public string FileName => Name;

    public void Export(RunResult result, Stream output)
    {
        using var json = new Utf8JsonWriter(output, NarrativeJsonExporter.Options);
        json.WriteStartObject();
        json.WriteStartArray("events");
        foreach (var e in result.Timeline)
        {
            json.WriteStartObject();
            json.WriteNumber("atSeconds", e.At.TotalSeconds);
            json.WriteString("kind", e.Kind);
            json.WriteString("subject", e.Subject);
            json.WriteString("detail", e.Detail);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("reloads");
        foreach (var r in result.ReloadLog)
        {
            json.WriteStartObject();
            json.WriteString("controller", r.Controller);
            json.WriteNumber("replica", r.Replica);
            json.WriteNumber("startSeconds", r.Start.TotalSeconds);
            json.WriteNumber("durationMs", r.Duration.TotalMilliseconds);
            json.WriteNumber("connectionsActive", r.ConnectionsActive);
            json.WriteNumber("connectionsAffected", r.ConnectionsAffected);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("hpa");
        foreach (var h in result.HpaScales)
        {
            var d = h.Decision;
            json.WriteStartObject();
            json.WriteNumber("atSeconds", h.At.TotalSeconds);
            json.WriteString("service", h.Service);
            json.WriteString("path", d.Path.ToString());
            json.WriteNumber("currentReplicas", d.CurrentReplicas);
            json.WriteNumber("desiredReplicas", d.DesiredReplicas);
            json.WriteNumber("stabilizedReplicas", d.StabilizedReplicas);
            json.WriteNumber("minReplicas", h.MinReplicas);
            json.WriteNumber("maxReplicas", h.MaxReplicas);
            json.WriteNumber("targetUtilizationPercent", h.TargetUtilizationPercent);
            json.WriteNumber("tolerance", h.Tolerance);
            if (d.ScaleUpLimit is { } up) json.WriteNumber("scaleUpLimit", up);
            if (d.ScaleDownLimit is { } down) json.WriteNumber("scaleDownLimit", down);
            json.WriteString("limit", d.Limit.ToString());
            if (d.Metric is { } m)
            {
                json.WriteStartObject("metric");
                json.WriteNumber("replicas", m.Replicas);
                json.WriteNumber("utilizationPercent", m.UtilizationPercent);
                json.WriteNumber("usageRatio", m.UsageRatio);
                if (m.CorrectedUsageRatio is { } c) json.WriteNumber("correctedUsageRatio", c);
                json.WriteNumber("readyPods", m.ReadyPods);
                json.WriteNumber("unreadyPods", m.UnreadyPods);
                json.WriteNumber("missingPods", m.MissingPods);
                json.WriteNumber("ignoredPods", m.IgnoredPods);
                json.WriteString("outcome", m.Outcome.ToString());
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartObject("dropped");
        json.WriteNumber("events", result.TimelineDropped);
        json.WriteNumber("reloads", result.ReloadsDropped);
        json.WriteNumber("hpa", result.HpaScalesDropped);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}

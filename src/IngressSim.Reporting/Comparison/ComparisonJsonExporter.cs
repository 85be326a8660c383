using System.Text.Json;
using IngressSim.Experiments.Comparison;
using IngressSim.Experiments.Statistics;

namespace IngressSim.Reporting.Comparison;

/// <summary>
/// <c>comparison.json</c>: per variant its replication seeds, and per phase (then the whole run) the mean
/// p50/p95/p99, error rate and reloads with 95 % intervals, and the paired p99 difference against base.
/// Written field by field in a fixed order with no wall time, so the same comparison gives the same bytes
/// on one worker or many. Undefined statistics are <c>null</c>.
/// </summary>
public sealed class ComparisonJsonExporter : IComparisonExporter
{
    public string FileName => "comparison.json";

    public void Export(ComparisonResult result, Stream output)
    {
        using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, NewLine = "\n" });
        json.WriteStartObject();
        json.WriteString("scenario", result.Scenario);
        json.WriteNumber("seed", result.ScenarioSeed);
        json.WriteNumber("confidenceLevel", SampleStatistics.ConfidenceLevel);
        json.WriteStartObject("precision");
        if (result.TargetPrecision is { } target) json.WriteNumber("target", target);
        else json.WriteNull("target");
        Number(json, "worstP99RelativeHalfWidth", result.WorstP99RelativeHalfWidth);
        json.WriteBoolean("reached", result.PrecisionReached);
        json.WriteEndObject();
        json.WriteStartArray("variants");
        foreach (var variant in result.Variants)
        {
            json.WriteStartObject();
            json.WriteString("name", variant.Name);
            json.WriteString("description", variant.Description);
            json.WriteNumber("replications", variant.Replications);
            json.WriteStartArray("seeds");
            foreach (ulong seed in variant.Seeds) json.WriteNumberValue(seed);
            json.WriteEndArray();
            json.WriteStartArray("phases");
            foreach (var phase in variant.Phases) WritePhase(json, phase);
            json.WriteEndArray();
            json.WritePropertyName("wholeRun");
            WritePhase(json, variant.WholeRun);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WritePhase(Utf8JsonWriter json, PhaseComparison phase)
    {
        json.WriteStartObject();
        json.WriteString("name", phase.Name);
        json.WriteNumber("start", phase.StartSeconds);
        json.WriteNumber("end", phase.EndSeconds);
        WriteEstimate(json, "p50Ms", phase.P50Ms);
        WriteEstimate(json, "p95Ms", phase.P95Ms);
        WriteEstimate(json, "p99Ms", phase.P99Ms);
        WriteEstimate(json, "errorRate", phase.ErrorRate);
        WriteEstimate(json, "reloads", phase.Reloads);
        if (phase.P99VsBaseMs is { } difference)
        {
            WriteEstimate(json, "p99VsBaseMs", difference);
            json.WriteBoolean("significant", phase.Significant);
        }
        else
        {
            json.WriteNull("p99VsBaseMs");
            json.WriteNull("significant");
        }
        json.WriteEndObject();
    }

    internal static void WriteEstimate(Utf8JsonWriter json, string name, Estimate estimate)
    {
        json.WriteStartObject(name);
        Number(json, "mean", estimate.Mean);
        Number(json, "halfWidth", estimate.HalfWidth);
        Number(json, "lower", estimate.Lower);
        Number(json, "upper", estimate.Upper);
        json.WriteNumber("n", estimate.Count);
        json.WriteEndObject();
    }

    internal static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value)) json.WriteNumber(name, value);
        else json.WriteNull(name);
    }
}

using System.Text.Json;
using IngressSim.Experiments.Statistics;
using IngressSim.Experiments.Sweeps;
using IngressSim.Reporting.Comparison;

namespace IngressSim.Reporting.Sweeps;

/// <summary>
/// <c>sweep.json</c>: the sweep's grid, seeds and fingerprint, then per point its values and per reported
/// phase each metric's mean with its 95 % interval (the comparison JSON's estimate objects). Written field
/// by field in a fixed order with no wall time; undefined statistics are <c>null</c>.
/// </summary>
public static class SweepJsonExporter
{
    public const string FileName = "sweep.json";

    public static byte[] Render(SweepResult result)
    {
        var manifest = result.Manifest;
        using var output = new MemoryStream();
        using (var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteString("sweep", manifest.Sweep);
            json.WriteString("description", manifest.Description);
            json.WriteString("scenario", manifest.Scenario);
            json.WriteString("fingerprint", manifest.Fingerprint);
            json.WriteNumber("seed", manifest.ScenarioSeed);
            json.WriteNumber("confidenceLevel", SampleStatistics.ConfidenceLevel);
            json.WriteNumber("replications", manifest.Replications);
            json.WriteStartArray("seeds");
            foreach (ulong seed in manifest.Seeds) json.WriteNumberValue(seed);
            json.WriteEndArray();
            json.WriteStartObject("fixed");
            foreach (var (name, value) in manifest.Fixed) json.WriteString(name, value);
            json.WriteEndObject();
            json.WriteStartArray("dimensions");
            foreach (var dimension in manifest.Dimensions)
            {
                json.WriteStartObject();
                json.WriteString("name", dimension.Name);
                json.WriteStartArray("values");
                foreach (var value in dimension.Values) json.WriteStringValue(value);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("points");
            foreach (var point in result.Points) WritePoint(json, manifest, point);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return output.ToArray();
    }

    private static void WritePoint(Utf8JsonWriter json, SweepManifest manifest, PointResult point)
    {
        json.WriteStartObject();
        json.WriteNumber("index", point.Index);
        json.WriteStartObject("parameters");
        foreach (var (name, value) in point.Parameters) json.WriteString(name, value);
        json.WriteEndObject();
        json.WriteString("variant", point.Variant);
        json.WriteStartArray("phases");
        foreach (var phase in point.Phases)
        {
            json.WriteStartObject();
            json.WriteString("name", phase.Name);
            ComparisonJsonExporter.Number(json, "start", phase.StartSeconds);
            ComparisonJsonExporter.Number(json, "end", phase.EndSeconds);
            for (int m = 0; m < manifest.Metrics.Count; m++)
                ComparisonJsonExporter.WriteEstimate(json, SweepMetricNames.Key(manifest.Metrics[m]), phase.Metrics[m]);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }
}

using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using IngressSim.Model.Metrics;

namespace IngressSim.Reporting.Narrative;

/// <summary>
/// <c>narrative.json</c>: the run told as a timeline in words (<see cref="Narrator"/>), for the HTML
/// report and <c>replay</c>: <c>{"entries":[{"atSeconds":552,"clock":"09:12","text":"…","kind":"reloads"}]}</c>.
/// Same result ⇒ same bytes (the text is built in the invariant culture). Non-ASCII text (→, ×, –) is
/// written as is; characters that matter to HTML are escaped.
/// </summary>
public sealed class NarrativeJsonExporter : IResultExporter
{
    public const string Name = "narrative.json";

    internal static readonly JsonWriterOptions Options = new()
    {
        Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public string FileName => Name;

    public void Export(RunResult result, Stream output) => Write(Narrator.Build(result), output);

    public static void Write(IReadOnlyList<NarrativeEntry> entries, Stream output)
    {
        using var json = new Utf8JsonWriter(output, Options);
        json.WriteStartObject();
        json.WriteStartArray("entries");
        foreach (var e in entries)
        {
            json.WriteStartObject();
            json.WriteNumber("atSeconds", e.AtSeconds);
            json.WriteString("clock", e.Clock);
            json.WriteString("text", e.Text);
            json.WriteString("kind", e.Kind);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Reads a <c>narrative.json</c> back (for <c>explain</c>).</summary>
    public static IReadOnlyList<NarrativeEntry> Read(Stream input)
    {
        using var doc = JsonDocument.Parse(input);
        return doc.RootElement.GetProperty("entries").EnumerateArray()
            .Select(e => new NarrativeEntry(e.GetProperty("atSeconds").GetDouble(), e.GetProperty("kind").GetString() ?? "", e.GetProperty("text").GetString() ?? ""))
            .ToArray();
    }
}

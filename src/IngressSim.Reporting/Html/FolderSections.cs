using IngressSim.Reporting.Comparison;
using IngressSim.Reporting.Html.Contracts;
using IngressSim.Reporting.Plots;

namespace IngressSim.Reporting.Html;

/// <summary>The parts of a report that any results folder can hold: plots, the narrated timeline, lint diagnostics, the scenario file.</summary>
internal static class FolderSections
{
    /// <summary>What each standard plot shows, in the words of the README's tour.</summary>
    private static readonly Dictionary<string, string> Captions = new(StringComparer.Ordinal)
    {
        [new LatencyOverTimePlot().FileName] = "p50, p95 and p99 latency per window as the clients experience it. Shaded bands are the phases; purple triangles mark reload starts (in a storm they merge into a bar).",
        [new StatusCodesOverTimePlot().FileName] = "Responses per second: 2xx on top, each error status on its own scale below.",
        [new LatencyCdfPlot().FileName] = "Latency distribution of the whole run and of each phase, p99 marked.",
        [new LatencyBreakdownPlot().FileName] = "Where the mean request's time goes, window by window: handshakes, SYN retransmissions, queues, CPU and the pod's own work, stacked to the mean latency (per window in breakdown.csv, with each window's slowest request).",
        [new ComparisonP99BarsPlot().FileName] = "p99 per phase: each variant's mean over its replications with 95 % CI whiskers; * marks a significant paired difference from base.",
        [new ComparisonP99OverTimePlot().FileName] = "Each variant's p99 per window, averaged over its replications: where in the story a design helps.",
    };

    public static IEnumerable<ReportSection> Of(ReportFolder folder)
    {
        if (folder.Plots.Count > 0) yield return new("plots", "Plots", html => Plots(html, folder.Plots));
        if (folder.Narrative is { } narrative) yield return new("timeline", "Timeline", html => Timeline(html, narrative));
        if (folder.Diagnostics is { } diagnostics) yield return new("diagnostics", "Lint diagnostics", html => Diagnostics(html, diagnostics));
        if (folder.ScenarioYaml is { } yaml) yield return new("scenario", "Scenario", html => Scenario(html, yaml));
    }

    private static void Plots(HtmlBuilder html, IReadOnlyList<ReportImage> plots)
    {
        foreach (var plot in plots)
        {
            string caption = Captions.GetValueOrDefault(plot.FileName) ?? plot.FileName;
            html.Markup("<figure class=\"plot\"><img alt=\"").Text(caption)
                .Markup($"\" width=\"{plot.Width}\" height=\"{plot.Height}\" src=\"data:image/png;base64,")
                .Markup(Convert.ToBase64String(plot.Png))
                .Markup("\"><figcaption>").Text(caption).Markup(" ").Element("span", plot.FileName, "file").Markup("</figcaption></figure>\n");
        }
    }

    private static void Timeline(HtmlBuilder html, IReadOnlyList<NarrativeEntry> entries)
    {
        if (entries.Count == 0)
        {
            html.Element("p", "Nothing happened worth telling.");
            return;
        }
        html.Markup("<ol class=\"timeline\">\n");
        foreach (var entry in entries)
        {
            html.Markup("<li data-kind=\"").Text(entry.Kind ?? "").Markup("\">")
                .Element("span", entry.Clock ?? ReportFormat.Clock(entry.AtSeconds), "clock");
            if (entry.Kind is { Length: > 0 } kind) html.Element("span", kind, "kind");
            html.Element("span", entry.Text, "text").Markup("</li>\n");
        }
        html.Markup("</ol>\n");
    }

    private static void Diagnostics(HtmlBuilder html, IReadOnlyList<DiagnosticJson> diagnostics)
    {
        if (diagnostics.Count == 0)
        {
            html.Element("p", "No problems: the scenario loads and lints clean.", "lead");
            return;
        }
        int errors = diagnostics.Count(d => d.Severity == "error");
        int warnings = diagnostics.Count - errors;
        html.Element("p", $"{errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")} from the scenario's loader and lint (as 'ingress-sim validate' reports them).", "lead");
        html.Markup("<div class=\"table\"><table><thead><tr><th>Severity</th><th>Code</th><th>Where</th><th>Problem</th></tr></thead><tbody>");
        foreach (var d in diagnostics)
        {
            html.Markup("<tr>").Element("td", d.Severity, "severity-" + d.Severity).Element("td", d.Code, "code")
                .Element("td", Location(d), "where").Markup("<td>").Text(d.Message);
            if (d.Hint is { Length: > 0 } hint) html.Element("div", "hint: " + hint, "detail");
            html.Markup("</td></tr>");
        }
        html.Markup("</tbody></table></div>\n");
    }

    private static string Location(DiagnosticJson d) =>
        d.Line > 0 ? $"{d.File}:{d.Line}:{d.Column}" : d.File ?? "";

    /// <summary>Numbered lines (the numbers are CSS, so copying the text copies only the YAML), to read next to the diagnostics' line numbers.</summary>
    private static void Scenario(HtmlBuilder html, string yaml)
    {
        html.Element("p", $"The scenario file that was run ({InputFile.Scenario}, copied byte for byte).", "lead");
        html.Markup("<pre class=\"scenario\"><code>");
        foreach (string line in yaml.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n'))
            html.Markup("<span class=\"line\">").Text(line).Markup("</span>\n");
        html.Markup("</code></pre>\n");
    }
}

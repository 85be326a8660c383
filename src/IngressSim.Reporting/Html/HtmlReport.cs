using System.Text;
using IngressSim.Engine.Time;

namespace IngressSim.Reporting.Html;

/// <summary>
/// <c>report.html</c>: one self-contained page from a results folder's files (issue 6) — CSS inline, plots
/// as data URIs, no script, no network — for people who will not run the CLI. No timestamps and
/// invariant formatting, so the same folder gives the same bytes.
/// </summary>
public static class HtmlReport
{
    public const string FileName = "report.html";

    /// <summary>The page for the results folder at <paramref name="resultsDirectory"/>.</summary>
    /// <exception cref="ReportInputException">The folder is missing, or its files are not what run or compare write.</exception>
    public static byte[] Render(string resultsDirectory)
    {
        var folder = ReportFolder.Read(resultsDirectory);
        var sections = (folder.Run is { } run ? RunSections.Of(run) : ComparisonSections.Of(folder.Comparison!))
            .Concat(FolderSections.Of(folder))
            .ToArray();
        var html = new HtmlBuilder();
        html.Markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Element("title", Title(folder)).Markup("\n<style>\n").Markup(ReportStyle.Css).Markup("</style>\n</head>\n<body>\n<main>\n");
        Header(html, folder);
        html.Markup("<nav class=\"contents\" aria-label=\"Contents\"><ul>");
        foreach (var section in sections) html.Markup($"<li><a href=\"#{section.Id}\">").Text(section.Title).Markup("</a></li>");
        html.Markup("</ul></nav>\n");
        foreach (var section in sections)
        {
            html.Markup($"<section id=\"{section.Id}\">\n").Element("h2", section.Title).Markup("\n");
            section.Body(html);
            html.Markup("</section>\n");
        }
        html.Markup("<footer>Made by <code>ingress-sim report</code> from the files of a results folder: one self-contained file to share; "
            + "it needs no network to view. The same folder gives the same report.</footer>\n</main>\n</body>\n</html>\n");
        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(html.ToString());
    }

    /// <summary>
    /// Renders the folder into <paramref name="outputFile"/> all or nothing: written beside it under a hidden
    /// name, then renamed over it, so a failure leaves no half-written page and any older report untouched.
    /// </summary>
    /// <returns>The file written (absolute).</returns>
    public static string Write(string resultsDirectory, string outputFile)
    {
        byte[] page = Render(resultsDirectory);
        string target = Path.GetFullPath(outputFile);
        string folder = Path.GetDirectoryName(target)!;
        if (Directory.Exists(target))
            throw new ReportInputException($"{outputFile} is a folder", $"give a file name, e.g. {Path.Combine(outputFile, FileName)}");
        if (!Directory.Exists(folder))
            throw new ReportInputException($"{outputFile}: the folder {folder} does not exist", "create it first, or write the report elsewhere");
        string partial = Path.Combine(folder, $".{Path.GetFileName(target)}.partial-{Guid.NewGuid():N}");
        try
        {
            File.WriteAllBytes(partial, page);
            File.Move(partial, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(partial)) File.Delete(partial);
        }
        return target;
    }

    private static string Title(ReportFolder folder) => folder.Run is { } run
        ? $"{run.Scenario} / {run.Variant} (seed {run.Seed}) — IngressSim report"
        : $"{folder.Comparison!.Scenario}: comparison — IngressSim report";

    private static void Header(HtmlBuilder html, ReportFolder folder)
    {
        html.Markup("<header class=\"report\">").Element("p", "IngressSim report", "kicker");
        if (folder.Run is { } run)
        {
            html.Element("h1", run.Scenario).Markup("<p class=\"meta\">")
                .Markup("variant ").Element("strong", run.Variant)
                .Markup(" · seed ").Element("strong", run.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Markup(" · ").Element("strong", Duration.FromSecondsRounded(run.SimulatedSeconds).ToString()).Markup(" simulated");
        }
        else
        {
            var comparison = folder.Comparison!;
            html.Element("h1", comparison.Scenario).Markup("<p class=\"meta\">")
                .Markup("comparison of ").Element("strong", $"{comparison.Variants.Count} variants")
                .Markup(" × ").Element("strong", $"{comparison.Base.Replications} replications")
                .Markup(" · scenario seed ").Element("strong", comparison.ScenarioSeed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        html.Markup("</p></header>\n");
    }
}

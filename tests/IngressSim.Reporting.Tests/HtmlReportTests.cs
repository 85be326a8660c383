using System.Text;
using System.Text.RegularExpressions;
using IngressSim.Reporting.Html;

namespace IngressSim.Reporting.Tests;

/// <summary>
/// The HTML report from the fixture folders under Data/reports: a run with every optional part
/// (narrative, alerts, cost, diagnostics, scenario), a bare run, and a comparison.
/// </summary>
public sealed partial class HtmlReportTests : IDisposable
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Data", "reports");
    private static readonly string Full = Path.Combine(Fixtures, "run-full");
    private static readonly string Bare = Path.Combine(Fixtures, "run-bare");
    private static readonly string Compare = Path.Combine(Fixtures, "compare");

    private readonly string _temp = Directory.CreateTempSubdirectory("ingress-sim-report-tests-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string Render(string folder) => Encoding.UTF8.GetString(HtmlReport.Render(folder));

    private static string[] SectionIds(string html) => SectionId().Matches(html).Select(m => m.Groups[1].Value).ToArray();

    /// <summary>A copy of a fixture folder to break.</summary>
    private string CopyOf(string fixture)
    {
        string copy = Path.Combine(_temp, Path.GetFileName(fixture));
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(fixture)) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        return copy;
    }

    [Fact]
    public void Render_RunWithEveryPart_HasEverySection()
    {
        string html = Render(Full);

        Assert.Equal(["summary", "phases", "reloads", "alerts", "cost", "plots", "timeline", "diagnostics", "scenario"], SectionIds(html));
        Assert.Contains("<title>reload-storm / batch-5s (seed 7) — IngressSim report</title>", html);
        Assert.Contains("<h1>reload-storm</h1>", html);
        // Phase rows then the whole run, with the cells the terminal table prints.
        Assert.Contains("<tr><th>baseline</th><td>0s–10m</td><td class=\"num\">60,000</td><td class=\"num\">0.00%</td><td class=\"num\">68.2</td>", html);
        Assert.Contains("<tr><th>storm</th><td>15m–30m</td><td class=\"num\">90,070</td><td class=\"num\">0.08%</td>", html);
        Assert.Contains("<tr class=\"total\"><th>whole run</th><td>0s–30m</td><td class=\"num\">180,000</td>", html);
        Assert.Contains("<div class=\"value\">672</div><div class=\"detail\">one per replica every 3.52 s</div>", html);
        Assert.Contains("<td class=\"num\">99.3%</td>", html); // affected share, whole run
        // Alerts: one fired twice (once until the end), one never.
        Assert.Contains("1 of 2 alert rules would have fired.", html);
        Assert.Contains("<li>15:30 → 16:50 (peak 2.1)</li><li>25:00 → still firing at the end (peak 0.222)</li>", html);
        Assert.Contains("<span class=\"quiet\">did not fire</span>", html);
        Assert.Contains("<strong>123.40 USD</strong>", html);
        Assert.Contains("<tr class=\"total\"><th>total</th><td class=\"num\"></td><td class=\"num\"></td><td class=\"num\">123.40</td>", html);
        Assert.Contains("<li data-kind=\"reloads\"><span class=\"clock\">09:12</span><span class=\"kind\">reloads</span><span class=\"text\">Deploys reach 500/day;", html);
        Assert.Contains("scenarios/reload-storm.yaml:18:48", html);
        Assert.Contains("<span class=\"line\">kind: Scenario</span>", html);
    }

    [Fact]
    public void Render_BareRun_OmitsThePartsWhoseFilesAreAbsent()
    {
        string html = Render(Bare);

        Assert.Equal(["summary", "phases", "reloads", "plots"], SectionIds(html));
        foreach (var absent in new[] { "alerts", "cost", "timeline", "diagnostics", "scenario" })
            Assert.DoesNotContain($"href=\"#{absent}\"", html);
    }

    [Fact]
    public void Render_Comparison_HasATablePerPhaseWithIntervalsAndPairedDifferences()
    {
        string html = Render(Compare);

        Assert.Equal(["summary", "phases", "plots"], SectionIds(html));
        Assert.Contains("<title>compare-small: comparison — IngressSim report</title>", html);
        Assert.Contains("comparison of <strong>3 variants</strong> × <strong>2 replications</strong>", html);
        foreach (var phase in new[] { "warm (0s–1m)", "steady (1m–2m)", "whole run (0s–2m)" })
            Assert.Contains($"<caption>compare-small — {phase}, 2 replications</caption>", html);
        Assert.Equal(3, Regex.Matches(html, "<tr><th>base</th><td class=\"num\">[0-9.]+ ± [0-9.]+</td><td class=\"num\">reference</td>").Count);
        Assert.Equal(3, Regex.Matches(html, "<tr><th>slow-shop</th><td class=\"num\">[0-9.]+ ± [0-9.]+</td><td class=\"num\">\\+[0-9.]+ ± [0-9.]+</td><td class=\"significant\">✓ significant</td>").Count);
        Assert.Equal(3, Regex.Matches(html, "<tr><th>unchanged</th>.*?<td class=\"not-significant\">—</td>").Count);
    }

    [Fact]
    public void Render_EscapesEveryStringFromTheFolder()
    {
        string html = Render(Full);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("HPA scales user-service 6 → 12 &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.Contains("Errors&lt;5xx&gt; &amp; &quot;retries&quot;", html);
        Assert.Contains("Controller nodes &lt;m5.large&gt;", html);
        Assert.Contains("annotation value &lt;150&gt; is out of range", html);
        Assert.Contains("&lt;script&gt;alert(&quot;yaml&quot;)&lt;/script&gt; &amp; co.", html);
        // Only the report's own elements: an input string that became markup would add a tag.
        var tags = TagName().Matches(html).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(Allowed, tags);
    }

    private static readonly HashSet<string> Allowed =
    [
        "html", "head", "meta", "title", "style", "body", "main", "header", "nav", "ul", "ol", "li", "a", "section", "h1", "h2", "p", "div",
        "span", "strong", "code", "pre", "table", "caption", "thead", "tbody", "tr", "th", "td", "figure", "figcaption", "img", "dl", "dt", "dd", "footer",
    ];

    [Fact]
    public void Render_IsSelfContained_PlotsEmbeddedAsTheirOwnBytes()
    {
        string html = Render(Full);

        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("@import", html);
        Assert.DoesNotContain("url(", html);
        Assert.DoesNotMatch("(src|href)=\"(?!data:|#)", html);
        var images = Regex.Matches(html, "<img alt=\"[^\"]*\" width=\"(\\d+)\" height=\"(\\d+)\" src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\">");
        Assert.Equal(2, images.Count);
        Assert.Equal(File.ReadAllBytes(Path.Combine(Full, "latency-over-time.png")), Convert.FromBase64String(images[0].Groups[3].Value));
        Assert.Equal(File.ReadAllBytes(Path.Combine(Full, "latency-cdf.png")), Convert.FromBase64String(images[1].Groups[3].Value));
        Assert.Equal(("12", "6"), (images[0].Groups[1].Value, images[0].Groups[2].Value)); // the fixture PNG's own size
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    public void Render_SameFolder_SameBytesUnderAnyCulture(string culture)
    {
        foreach (var folder in new[] { Full, Compare })
            Assert.Equal(Cultures.With("", () => HtmlReport.Render(folder)), Cultures.With(culture, () => HtmlReport.Render(folder)));
    }

    [Fact]
    public void Render_MissingFolder_SaysSoWithAHint()
    {
        var e = Assert.Throws<ReportInputException>(() => HtmlReport.Render(Path.Combine(_temp, "nope")));
        Assert.EndsWith("nope: no such folder", e.Message);
        Assert.Contains("results/black-friday-reload-storm/base", e.Hint);
    }

    [Fact]
    public void Render_FolderWithoutResults_NamesTheFilesItLooksFor()
    {
        var e = Assert.Throws<ReportInputException>(() => HtmlReport.Render(_temp));
        Assert.Contains("neither summary.json (from run) nor comparison.json (from compare)", e.Message);
    }

    [Theory]
    [InlineData("summary.json", "{\"scenario\": ", "summary.json does not match its format (line 1")]
    [InlineData("summary.json", "{\"scenario\": \"x\"}", "summary.json does not match its format")]
    [InlineData("summary.json", "[1, 2]", "summary.json does not match its format")]
    [InlineData("narrative.json", "{\"entries\": [{\"atSeconds\": 1}]}", "narrative.json does not match its format")]
    [InlineData("diagnostics.json", "{\"diagnostics\": [{\"severity\": null, \"code\": \"X\", \"message\": \"m\"}]}", "diagnostics.json does not match its format")]
    [InlineData("latency-cdf.png", "not a png", "latency-cdf.png is not a PNG image")]
    public void Render_BrokenFile_NamesTheFile(string file, string content, string expected)
    {
        string folder = CopyOf(Full);
        File.WriteAllText(Path.Combine(folder, file), content);

        var e = Assert.Throws<ReportInputException>(() => HtmlReport.Render(folder));
        Assert.StartsWith(expected, e.Message);
        Assert.NotEmpty(e.Hint);
    }

    [Fact]
    public void Render_MissingRequiredField_NamesIt()
    {
        string folder = CopyOf(Bare);
        string summary = Path.Combine(folder, "summary.json");
        File.WriteAllText(summary, File.ReadAllText(summary).Replace("\"seed\": 7,", "", StringComparison.Ordinal));

        var e = Assert.Throws<ReportInputException>(() => HtmlReport.Render(folder));
        Assert.Contains("'seed'", e.Message);
    }

    [Fact]
    public void Write_ReplacesAnOlderReport_AndOnBadInputWritesNothing()
    {
        string target = Path.Combine(_temp, "report.html");
        File.WriteAllText(target, "older");

        Assert.Equal(target, HtmlReport.Write(Bare, target));
        Assert.Equal(HtmlReport.Render(Bare), File.ReadAllBytes(target));

        string broken = CopyOf(Bare);
        File.WriteAllText(Path.Combine(broken, "summary.json"), "{");
        string second = Path.Combine(broken, "report.html");
        Assert.Throws<ReportInputException>(() => HtmlReport.Write(broken, second));
        Assert.Throws<ReportInputException>(() => HtmlReport.Write(Bare, Path.Combine(_temp, "missing", "report.html")));
        Assert.Equal(["report.html", "run-bare"], Directory.GetFileSystemEntries(_temp).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["latency-over-time.png", "summary.json"], Directory.GetFiles(broken).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("<section id=\"([a-z]+)\">")]
    private static partial Regex SectionId();

    [GeneratedRegex("<([a-zA-Z][a-zA-Z0-9]*)[\\s>]")]
    private static partial Regex TagName();
}

using System.Text.RegularExpressions;
using SkiaSharp;

namespace IngressSim.Cli.Tests;

/// <summary>
/// The HTML report of a real small run, loaded in headless Chromium as a person would open it: the
/// rendered DOM has the title, the phase rows, every plot decoded by the browser, and the timeline when
/// the folder has a narrative; the screenshot is a page, not a blank.
/// </summary>
public sealed partial class ReportInBrowserTests : IDisposable
{
    private const string Scenario = "tests/IngressSim.Cli.Tests/Data/compare-small.yaml";
    private static readonly string Narrative = Path.Combine(CliRunner.RepositoryRoot, "tests/IngressSim.Reporting.Tests/Data/reports/run-full/narrative.json");

    // Records what the browser decoded: the report itself has no script, so the test adds this to a copy.
    private const string DecodeProbe =
        "<script>addEventListener('load', () => document.querySelectorAll('img').forEach(i => i.setAttribute('data-decoded-width', i.naturalWidth)))</script>";

    private readonly string _temp = Directory.CreateTempSubdirectory("ingress-sim-browser-tests-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string RunWithReport()
    {
        string folder = Path.Combine(_temp, "run");
        var r = CliRunner.Run("run", Scenario, "--out", folder, "--report");
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        return folder;
    }

    /// <summary>The DOM of the report with the decode probe added before the end of its body.</summary>
    private string LoadedDom(string report)
    {
        string probed = Path.Combine(_temp, "probed.html");
        File.WriteAllText(probed, File.ReadAllText(report).Replace("</body>", DecodeProbe + "</body>", StringComparison.Ordinal));
        return HeadlessChromium.DumpDom(probed);
    }

    [BrowserFact]
    public void Report_InChromium_ShowsTitlePhasesAndDecodedPlots_AndNoTimelineWithoutANarrative()
    {
        string folder = RunWithReport();
        // run narrates itself (narrative.json): its report has the timeline; without that file, none.
        Assert.Contains("<section id=\"timeline\">", File.ReadAllText(Path.Combine(folder, "report.html")));
        File.Delete(Path.Combine(folder, "narrative.json"));
        var r = CliRunner.Run("report", folder);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        string dom = LoadedDom(Path.Combine(folder, "report.html"));

        Assert.Contains("<title>compare-small / base (seed 1) — IngressSim report</title>", dom);
        Assert.Contains("<h1>compare-small</h1>", dom);
        foreach (var phase in new[] { "warm", "steady" })
            Assert.Matches($"<tr><th>{phase}</th><td>[^<]+</td><td class=\"num\">[1-9][0-9,]*</td>", dom);
        Assert.Contains("<tr class=\"total\"><th>whole run</th>", dom);
        var images = Image().Matches(dom);
        Assert.Equal(4, images.Count); // latency over time, status codes, CDF, breakdown
        Assert.All(images, image =>
        {
            Assert.StartsWith("data:image/png;base64,", image.Groups["src"].Value);
            Assert.Equal("1200", image.Groups["decoded"].Value); // the browser decoded the PNG at its own width
        });
        Assert.DoesNotContain("<section id=\"timeline\">", dom);
    }

    [BrowserFact]
    public void Report_WithANarrative_ShowsTheTimeline_AndTheScreenshotIsAPage()
    {
        string folder = RunWithReport();
        File.Copy(Narrative, Path.Combine(folder, "narrative.json"), overwrite: true);
        var r = CliRunner.Run("report", folder);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        string report = Path.Combine(folder, "report.html");

        string dom = LoadedDom(report);
        Assert.Contains("<a href=\"#timeline\">Timeline</a>", dom);
        var entries = Regex.Matches(dom, "<li data-kind=\"([a-z]+)\"><span class=\"clock\">([0-9:]+)</span>");
        Assert.Equal(["phase 09:00", "reloads 09:12", "hpa 09:13", "alert 09:18"], entries.Select(m => $"{m.Groups[1].Value} {m.Groups[2].Value}"));

        string screenshot = Path.Combine(_temp, "report.png");
        HeadlessChromium.Screenshot(report, screenshot, 1280, 2000);
        using var bitmap = SKBitmap.Decode(screenshot);
        Assert.NotNull(bitmap);
        Assert.Equal((1280, 2000), (bitmap.Width, bitmap.Height));
        var background = bitmap.GetPixel(0, 0);
        var colours = new HashSet<SKColor>();
        long drawn = 0;
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                colours.Add(pixel);
                if (pixel != background) drawn++;
            }
        double share = drawn / (double)(bitmap.Width * bitmap.Height);
        Assert.True(share > 0.15, $"only {share:P1} of the screenshot differs from the background {background}");
        Assert.True(colours.Count > 50, $"only {colours.Count} distinct colours: text, tables and plots give hundreds");
    }

    [GeneratedRegex("<img [^>]*src=\"(?<src>[^\"]{0,40})[^\"]*\"[^>]*data-decoded-width=\"(?<decoded>\\d+)\"[^>]*>")]
    private static partial Regex Image();
}

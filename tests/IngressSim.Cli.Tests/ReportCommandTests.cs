namespace IngressSim.Cli.Tests;

/// <summary>
/// <c>ingress-sim report</c> and <c>--report</c> end to end: on a run folder and a compare folder, the
/// same bytes whichever way and whenever the report is made, the scenario and its diagnostics kept with
/// the results, and bad folders refused with exit 2 and nothing written.
/// </summary>
public sealed class ReportCommandTests : IDisposable
{
    private const string Minimal = "scenarios/examples/minimal.yaml";
    private const string CompareFixture = "tests/IngressSim.Cli.Tests/Data/compare-small.yaml";

    private readonly string _temp = Directory.CreateTempSubdirectory("ingress-sim-report-tests-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Out(string name) => Path.Combine(_temp, name);

    private static void AssertRefused(CliRunner.Outcome r, string message)
    {
        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"ingress-sim report: {message}", r.Stderr);
        Assert.Contains("    hint: ", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stdout + r.Stderr);
    }

    [Fact]
    public void RunWithReport_WritesTheReportIntoTheFolder_AndReportLaterGivesTheSameBytes()
    {
        string folder = Out("run");
        CliRunner.RunOk("run", Minimal, "--out", folder, "--report");
        byte[] withRun = File.ReadAllBytes(Path.Combine(folder, "report.html"));

        string later = Out("later.html");
        var r = CliRunner.RunOk("report", folder, "--out", later);

        Assert.Contains($"Report: {later}", r.Stdout);
        Assert.Equal(withRun, File.ReadAllBytes(later));
        string html = File.ReadAllText(later);
        Assert.Contains("<title>minimal / base (seed 1) — IngressSim report</title>", html);
        Assert.Contains("<tr class=\"total\"><th>whole run</th><td>0s–5m</td>", html);
        Assert.Equal(4, html.Split("<img alt=").Length - 1);
    }

    [Fact]
    public void Run_KeepsTheScenarioAndTheDiagnosticsValidatePrints()
    {
        string folder = Out("run");
        CliRunner.RunOk("run", Minimal, "--out", folder);

        Assert.Equal(File.ReadAllBytes(Path.Combine(CliRunner.RepositoryRoot, Minimal)), File.ReadAllBytes(Path.Combine(folder, "scenario.yaml")));
        Assert.Equal(CliRunner.RunOk("validate", Minimal, "--format", "json").Stdout, File.ReadAllText(Path.Combine(folder, "diagnostics.json")));
        Assert.False(File.Exists(Path.Combine(folder, "report.html")), "report.html without --report");
    }

    [Fact]
    public void RunWithReport_Twice_GivesTheSameReportBytes()
    {
        // summary.json differs in its wall time; the report does not show it.
        CliRunner.RunOk("run", Minimal, "--out", Out("a"), "--report");
        CliRunner.RunOk("run", Minimal, "--out", Out("b"), "--report");

        Assert.Equal(File.ReadAllBytes(Path.Combine(Out("a"), "report.html")), File.ReadAllBytes(Path.Combine(Out("b"), "report.html")));
    }

    [Fact]
    public void CompareWithReport_WritesTheReportIntoTheComparisonFolder()
    {
        string folder = Out("cmp");
        CliRunner.RunOk("compare", CompareFixture, "--replications", "2", "--out", folder, "--report");

        string html = File.ReadAllText(Path.Combine(folder, "report.html"));
        Assert.Contains("<caption>compare-small — steady (1m–2m), 2 replications</caption>", html);
        Assert.Contains("<td class=\"significant\">✓ significant</td>", html);
        Assert.Contains("<section id=\"scenario\">", html);

        CliRunner.RunOk("report", folder);
        Assert.Equal(html, File.ReadAllText(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public void Report_MissingFolder_Exits2_AndWritesNothing()
    {
        string folder = Out("nope");
        AssertRefused(CliRunner.Run("report", folder), $"{folder}: no such folder");
        Assert.Empty(Directory.GetFileSystemEntries(_temp));
    }

    [Fact]
    public void Report_FolderWithoutResults_Exits2_AndWritesNothing()
    {
        AssertRefused(CliRunner.Run("report", _temp), $"{_temp} holds neither summary.json (from run) nor comparison.json (from compare)");
        Assert.Empty(Directory.GetFileSystemEntries(_temp));
    }

    [Fact]
    public void Report_BrokenSummary_Exits2_KeepsTheOlderReport_AndLeavesNoPartialFile()
    {
        string folder = Out("broken");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "summary.json"), "{\"scenario\": \"x\", ");
        File.WriteAllText(Path.Combine(folder, "report.html"), "older");

        AssertRefused(CliRunner.Run("report", folder), "summary.json does not match its format (line 1");
        Assert.Equal(["report.html", "summary.json"], Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("older", File.ReadAllText(Path.Combine(folder, "report.html")));
    }

    [Fact]
    public void Report_OutIntoAMissingFolder_Exits2()
    {
        string folder = Out("run");
        CliRunner.RunOk("run", Minimal, "--out", folder);

        AssertRefused(CliRunner.Run("report", folder, "--out", Out("missing/report.html")), $"{Out("missing/report.html")}: the folder");
        Assert.False(Directory.Exists(Out("missing")));
    }
}

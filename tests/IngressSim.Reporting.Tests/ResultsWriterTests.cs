using System.Text;
using IngressSim.Model.Metrics;
using IngressSim.Reporting.Html;

namespace IngressSim.Reporting.Tests;

public sealed class ResultsWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"ingress-sim-results-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private sealed class FailingExporter : IResultExporter
    {
        public string FileName => "broken.png";

        public void Export(RunResult result, Stream output)
        {
            output.Write(new byte[100]);
            throw new IOException("disk full");
        }
    }

    private string Target => ResultsWriter.DefaultDirectory(_root, new RunIdentity("synthetic", "base", 7));

    private string[] Siblings() => Directory.GetFileSystemEntries(Path.GetDirectoryName(Target)!).Select(Path.GetFileName).ToArray()!;

    [Fact]
    public void Complete_WritesEveryFileIntoTheResultsFolder_AndNothingElse()
    {
        using (var writer = new ResultsWriter(Target))
        {
            var result = SyntheticRun.Create(writer.Timeseries, seconds: 60);
            writer.Complete(result);
        }

        Assert.Equal(
            ["breakdown.csv", "latency-breakdown.png", "latency-cdf.png", "latency-over-time.png", "narrative.json", "status-codes-over-time.png", "summary.json", "timeline.json", "timeseries.csv"],
            Directory.GetFiles(Target).Select(Path.GetFileName).Order());
        Assert.Equal(["base"], Siblings());
        Assert.StartsWith("window_start_s,", File.ReadAllText(Path.Combine(Target, "timeseries.csv")));
    }

    [Fact]
    public void Complete_WithInputsAndReport_PublishesThemWithTheResults_AndTheReportReadsTheRealSummary()
    {
        byte[] scenario = Encoding.UTF8.GetBytes("kind: Scenario\n");
        using (var writer = new ResultsWriter(Target, inputs: [new InputFile(InputFile.Scenario, scenario)], report: true))
            writer.Complete(SyntheticRun.Create(writer.Timeseries, seconds: 60));

        Assert.Equal(
            ["breakdown.csv", "latency-breakdown.png", "latency-cdf.png", "latency-over-time.png", "narrative.json", "report.html", "scenario.yaml", "status-codes-over-time.png", "summary.json", "timeline.json", "timeseries.csv"],
            Directory.GetFiles(Target).Select(Path.GetFileName).Order());
        Assert.Equal(scenario, File.ReadAllBytes(Path.Combine(Target, "scenario.yaml")));
        string html = File.ReadAllText(Path.Combine(Target, "report.html"));
        Assert.Contains("<tr><th>storm</th>", html);
        Assert.Contains("<span class=\"line\">kind: Scenario</span>", html);
        Assert.Equal(HtmlReport.Render(Target), File.ReadAllBytes(Path.Combine(Target, "report.html")));
        Assert.Equal(["base"], Siblings());
    }

    [Fact]
    public void Complete_ReplacesAPreviousResult()
    {
        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, "stale.txt"), "from an older run");

        using (var writer = new ResultsWriter(Target))
            writer.Complete(SyntheticRun.Create(writer.Timeseries, seconds: 30));

        Assert.False(File.Exists(Path.Combine(Target, "stale.txt")));
        Assert.True(File.Exists(Path.Combine(Target, "summary.json")));
        Assert.Equal(["base"], Siblings());
    }

    [Fact]
    public void FailingExporter_LeavesNoFolder()
    {
        using var writer = new ResultsWriter(Target, [new SummaryJsonExporter(), new FailingExporter()]);
        var result = SyntheticRun.Create(writer.Timeseries, seconds: 30);

        Assert.Throws<IOException>(() => writer.Complete(result));

        Assert.False(Directory.Exists(Target));
        Assert.Empty(Siblings());
    }

    [Fact]
    public void RunFailing_BeforeComplete_LeavesNoFolder_AndKeepsThePreviousResult()
    {
        Directory.CreateDirectory(Target);
        File.WriteAllText(Path.Combine(Target, "summary.json"), "{}");

        using (var writer = new ResultsWriter(Target))
            SyntheticRun.Create(writer.Timeseries, seconds: 30); // the run "crashes": no Complete

        Assert.Equal(["summary.json"], Directory.GetFiles(Target).Select(Path.GetFileName));
        Assert.Equal("{}", File.ReadAllText(Path.Combine(Target, "summary.json")));
        Assert.Equal(["base"], Siblings());
    }
}

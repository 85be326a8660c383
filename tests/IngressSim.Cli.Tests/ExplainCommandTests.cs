using System.Text.Json.Nodes;

namespace IngressSim.Cli.Tests;

/// <summary><c>ingress-sim explain</c> on a results folder written by replay; bad input exits 2 with one clear line.</summary>
[Collection(ReplayedRunCollection.Name)]
public sealed class ExplainCommandTests(ReplayedRun replayed)
{
    private CliRunner.Outcome Explain(params string[] args) => CliRunner.Run(["explain", replayed.Folder, .. args]);

    /// <summary>The start of the first window with a reload, from the folder's timeline.json.</summary>
    private double FirstReloadWindow()
    {
        var timeline = JsonNode.Parse(File.ReadAllText(Path.Combine(replayed.Folder, "timeline.json")))!;
        double start = (double)timeline["reloads"]!.AsArray()[0]!["startSeconds"]!;
        return Math.Floor(start / 10) * 10;
    }

    [Fact]
    public void Explain_AWindowWithReloads_ShowsItsLatencyReloadsHpaInputsAndTheNarrative()
    {
        Assert.Equal(0, replayed.Outcome.ExitCode);
        double window = FirstReloadWindow();

        var r = Explain("--at", $"{window + 5}s");

        Assert.True(r.ExitCode == 0, r.Stderr);
        string clock = $"{(int)window / 60:00}:{(int)window % 60:00}";
        Assert.Contains($"replay-small [base]: window {clock}–", r.Stdout);
        Assert.Contains("Latency and statuses", r.Stdout);
        Assert.Matches(@"requests; p50 [\d.]+ m?s, p95", r.Stdout);
        Assert.Contains("the run's median window p99 is", r.Stdout);
        Assert.Matches(@"Reloads\n  \d+ started in this window", r.Stdout.Replace("\r", ""));
        Assert.Contains("connections on retired workers were disturbed", r.Stdout);
        // Where the time went, from breakdown.csv: the mean split by cause, and the slowest request's own causes.
        Assert.Matches(@"Where the time went \(all requests of the window\)\n  mean [\d.]+ m?s: [a-zA-Z ]+ [\d.]+ m?s \(\d", r.Stdout.Replace("\r", ""));
        Assert.Matches(@"  slowest request: [\d.]+ m?s \([^,]+, [^,]+, \d+ attempt\(s\)\): ", r.Stdout);
        Assert.Contains("The narrative around it", r.Stdout);
    }

    [Fact]
    public void Explain_AnHpaDecision_ShowsTheInputsOfTheCalculation()
    {
        var timeline = JsonNode.Parse(File.ReadAllText(Path.Combine(replayed.Folder, "timeline.json")))!;
        var hpa = timeline["hpa"]!.AsArray()[0]!;
        double at = (double)hpa["atSeconds"]!;
        string service = (string)hpa["service"]!;

        var r = Explain("--at", $"{at}s", "--service", service.Split('/')[1]);

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.Contains($"series {service}", r.Stdout);
        Assert.Contains($"{service} {(int)hpa["currentReplicas"]!} → {(int)hpa["desiredReplicas"]!} (CPU ", r.Stdout);
        Assert.Matches(@"usage ratio [\d.]+ \(tolerance ±10 %: no change within 0\.9–1\.1\)", r.Stdout);
        Assert.Matches(@"pods: \d+ ready, \d+ unready, \d+ without metrics, \d+ ignored", r.Stdout);
        Assert.Contains("bounds 3–12", r.Stdout);
    }

    [Fact]
    public void Explain_ClockTimeForm_IsTheSameWindow()
    {
        var a = Explain("--at", "2:30");
        var b = Explain("--at", "150s");

        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Stdout, b.Stdout);
        Assert.Contains("replay-small [base]: window 02:30–02:40 (phase surge)", a.Stdout);
        Assert.Contains("ingress-nginx-1: restarts after 20s", a.Stdout);
    }

    [Fact]
    public void Explain_MissingFolder_Exits2()
    {
        var r = CliRunner.Run("explain", "/nonexistent/results/folder", "--at", "1m");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("ingress-sim explain: results folder '/nonexistent/results/folder' not found", r.Stderr.Trim());
    }

    [Fact]
    public void Explain_FolderWithoutResults_Exits2()
    {
        var empty = Directory.CreateTempSubdirectory("ingress-sim-explain-empty-").FullName;
        try
        {
            var r = CliRunner.Run("explain", empty, "--at", "1m");
            Assert.Equal(2, r.ExitCode);
            Assert.Contains("is not a results folder (it needs summary.json and timeseries.csv", r.Stderr);
        }
        finally
        {
            Directory.Delete(empty);
        }
    }

    [Theory]
    [InlineData("10m", "--at 10m is beyond the run, which lasts 04:00 (4m)")]
    [InlineData("4m", "--at 4m is beyond the run")]
    [InlineData("soon", "--at 'soon' is not a time")]
    public void Explain_BadTime_Exits2(string at, string message)
    {
        var r = Explain("--at", at);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void Explain_UnknownService_Exits2_NamingSomeThatExist()
    {
        var r = Explain("--at", "1m", "--service", "nope");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--service 'nope': no such series in timeseries.csv (e.g. default/api-1", r.Stderr);
    }

    [Fact]
    public void Explain_WithoutAt_Exits2()
    {
        var r = CliRunner.Run("explain", replayed.Folder);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--at", r.Stderr);
    }
}

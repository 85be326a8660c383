using System.Text.Json.Nodes;
using IngressSim.Model.Metrics;
using IngressSim.Model.Running;
using IngressSim.Reporting.Narrative;
using IngressSim.Scenarios.Loading;

namespace IngressSim.Cli.Tests;

/// <summary>One replay of the small test scenario, shared by the replay and explain tests (a run takes seconds).</summary>
public sealed class ReplayedRun : IDisposable
{
    public const string Scenario = "tests/IngressSim.Cli.Tests/Data/replay-small.yaml";

    public ReplayedRun()
    {
        Folder = Path.Combine(Directory.CreateTempSubdirectory("ingress-sim-replay-tests-").FullName, "replay");
        Outcome = CliRunner.Run("replay", Scenario, "--out", Folder);
    }

    public string Folder { get; }
    public CliRunner.Outcome Outcome { get; }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(Folder)!, recursive: true);
}

[CollectionDefinition(Name)]
public sealed class ReplayedRunCollection : ICollectionFixture<ReplayedRun>
{
    public const string Name = "one replay of replay-small.yaml";
}

/// <summary><c>ingress-sim replay</c> end to end, and its live view on an interactive recording console.</summary>
[Collection(ReplayedRunCollection.Name)]
public sealed class ReplayCommandTests(ReplayedRun replayed) : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("ingress-sim-replay-cmd-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static JsonArray Entries(string folder) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "narrative.json")))!["entries"]!.AsArray();

    [Fact]
    public void Replay_NotATerminal_PrintsTheWholeNarrativeAtOnce_ThenTheSummary_AndWritesTheResultsFolder()
    {
        var r = replayed.Outcome;
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        var lines = r.Stdout.Split('\n');
        Assert.Equal("00:00  phase    phase baseline begins (until 01:00)", lines[0]);

        // Every narrative.json entry is a line, in order, as "clock  kind  text".
        var entries = Entries(replayed.Folder);
        Assert.InRange(entries.Count, 5, Narrator.MaxEntries);
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i]!;
            Assert.Equal($"{(string)e["clock"]!}  {(string)e["kind"]!,-8} {(string)e["text"]!}", lines[i]);
        }
        Assert.Contains(entries, e => (string)e!["kind"]! == "reloads");
        Assert.Contains(entries, e => (string)e!["kind"]! == "hpa");
        Assert.Contains(entries, e => (string)e!["text"]! == "ingress-nginx-1 crashed (restarts after 20s)" && (double)e!["atSeconds"]! == 150);
        Assert.Equal("summary", (string)entries[^1]!["kind"]!);
        Assert.Contains("replay-small / base (seed 5)", r.Stdout); // the summary table
        Assert.Contains($"Results: {replayed.Folder}", r.Stdout);
        foreach (var file in new[] { "timeseries.csv", "summary.json", "narrative.json", "timeline.json", "latency-over-time.png" })
            Assert.True(File.Exists(Path.Combine(replayed.Folder, file)), file);
    }

    [Fact]
    public void Replay_SpeedMax_WritesTheSameNarrativeAsRun()
    {
        string folder = Path.Combine(_temp, "run");
        var r = CliRunner.Run("run", ReplayedRun.Scenario, "--out", folder);
        Assert.True(r.ExitCode == 0, r.Stderr);

        Assert.Equal(File.ReadAllBytes(Path.Combine(replayed.Folder, "narrative.json")), File.ReadAllBytes(Path.Combine(folder, "narrative.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(replayed.Folder, "timeline.json")), File.ReadAllBytes(Path.Combine(folder, "timeline.json")));
    }

    [Theory]
    [InlineData("fast")]
    [InlineData("0x")]
    [InlineData("-5x")]
    [InlineData("NaNx")]
    public void Replay_BadSpeed_Exits2BeforeRunning(string speed)
    {
        string folder = Path.Combine(_temp, "bad");
        var r = CliRunner.Run("replay", ReplayedRun.Scenario, "--speed", speed, "--out", folder);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"--speed '{speed}' is not a speed", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public void Replay_MissingScenario_Exits2()
    {
        var r = CliRunner.Run("replay", "no-such-scenario.yaml", "--speed", "max", "--out", Path.Combine(_temp, "x"));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no-such-scenario.yaml", r.Stderr);
    }

    [Theory]
    [InlineData("60x", 60.0)]
    [InlineData("1.5X", 1.5)]
    [InlineData("600", 600.0)]
    public void ReplaySpeed_Parses(string text, double expected)
    {
        Assert.True(ReplaySpeed.TryParse(text, out var speed, out _));
        Assert.Equal(expected, speed.SimulatedSecondsPerSecond);
        Assert.True(ReplaySpeed.TryParse("max", out var max, out _) && max.IsMax);
    }

    [Fact]
    public void Play_OnAnInteractiveConsole_ShowsCountersAndTellsTheSameStoryAsTheFinishedRun()
    {
        var loaded = ScenarioLoader.Load(Path.Combine(CliRunner.RepositoryRoot, ReplayedRun.Scenario));
        Assert.True(loaded.Succeeded);
        var output = new StringWriter();
        var console = RecordingConsole.Interactive(output);
        var phases = loaded.Scenario!.Spec.Phases.Select(p => new NarrativePhase(p.Name, p.Start.TotalSeconds, p.End.TotalSeconds)).ToArray();

        // A pace no machine reaches: the display follows the simulation (no test waits on the wall clock).
        var (result, narrative) = ReplayView.Play(console, new ScenarioRun(loaded.Scenario), DiscardWindowRows.Instance, phases,
            ReplayView.SettleSeconds(75), new ReplaySpeed(1e9), CancellationToken.None);

        Assert.True(result.Requests > 0);
        Assert.Equal(Narrator.Build(result), narrative);
        string screen = output.ToString();
        Assert.Contains("replay-small [base]", screen);
        Assert.Contains("requests", screen);
        Assert.Contains("HPA pods", screen);
    }

    [Fact]
    public void Play_Cancelled_ThrowsOperationCanceled()
    {
        var loaded = ScenarioLoader.Load(Path.Combine(CliRunner.RepositoryRoot, ReplayedRun.Scenario));
        var console = RecordingConsole.Interactive(new StringWriter());
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => ReplayView.Play(console, new ScenarioRun(loaded.Scenario!), DiscardWindowRows.Instance,
            [], 135, ReplaySpeed.Default, cancel.Token));
    }

    [Fact]
    public void Sparkline_ScalesToTheLargestValue() =>
        Assert.Equal("▁▅█ ", ReplayView.Sparkline([0, 50, 100, double.NaN]));
}

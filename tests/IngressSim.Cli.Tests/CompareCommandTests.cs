namespace IngressSim.Cli.Tests;

/// <summary>
/// <c>ingress-sim compare</c> end to end on the compare-small fixture (~30 ms a run): the folder and the
/// table per phase, --variants, --precision, the same bytes for any --parallel, the default folder, and
/// bad usage refused with exit 2 before anything is written.
/// </summary>
public sealed class CompareCommandTests : IDisposable
{
    private const string Fixture = "tests/IngressSim.Cli.Tests/Data/compare-small.yaml";
    private static readonly string[] Files =
        ["compare-p99-bars.png", "compare-p99-over-time.png", "comparison.csv", "comparison.json", "diagnostics.json", "scenario.yaml"];

    private readonly string _temp = Directory.CreateTempSubdirectory("ingress-sim-compare-tests-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Out(string name) => Path.Combine(_temp, name);

    private static CliRunner.Outcome CompareOk(params string[] args)
    {
        var r = CliRunner.Run(["compare", .. args]);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        return r;
    }

    /// <summary>The table row of <paramref name="variant"/> under the table titled with <paramref name="phase"/>.</summary>
    private static string Row(string stdout, string phase, string variant)
    {
        var lines = stdout.Split('\n');
        int title = Array.FindIndex(lines, l => l.Contains($"compare-small — {phase} ("));
        Assert.True(title >= 0, $"no table for phase {phase}:\n{stdout}");
        return lines.Skip(title).First(l => l.StartsWith($"│ {variant} ", StringComparison.Ordinal));
    }

    [Fact]
    public void Compare_EveryVariant_WritesTheFolderAndATablePerPhaseMarkingSignificantDifferences()
    {
        var folder = Out("cmp");
        var r = CompareOk(Fixture, "--replications", "3", "--out", folder);

        Assert.Equal(Files, Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains($"Results: {folder}", r.Stdout);
        Assert.Contains("3 variants × 3 replications", r.Stdout);
        foreach (var phase in new[] { "warm", "steady", "whole run" })
        {
            Assert.Contains("reference", Row(r.Stdout, phase, "base"));
            Assert.Matches(@"│\s+0\.00 ± 0\.00\s+│ —", Row(r.Stdout, phase, "unchanged"));
            Assert.Matches(@"│\s+\+\d+ ± [\d.]+\s+│ ✓ significant", Row(r.Stdout, phase, "slow-shop"));
        }
        Assert.Equal(10, File.ReadAllLines(Path.Combine(folder, "comparison.csv")).Length); // header + 3 variants × 3 rows
    }

    [Fact]
    public void Compare_OneWorkerAndFour_WriteTheSameComparisonBytes()
    {
        CompareOk(Fixture, "--replications", "3", "--parallel", "1", "--out", Out("serial"));
        CompareOk(Fixture, "--replications", "3", "--parallel", "4", "--out", Out("parallel"));

        foreach (var file in new[] { "comparison.json", "comparison.csv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(Out("serial"), file)), File.ReadAllBytes(Path.Combine(Out("parallel"), file)));
    }

    [Fact]
    public void Compare_NamedVariants_ComparesOnlyThoseWithBase()
    {
        var r = CompareOk(Fixture, "--variants", "slow-shop", "--replications", "2", "--out", Out("named"));

        Assert.Contains("2 variants × 2 replications", r.Stdout);
        Assert.DoesNotContain("unchanged", r.Stdout);
    }

    [Fact]
    public void Compare_LoosePrecision_StopsAtThreeReplications()
    {
        var r = CompareOk(Fixture, "--variants", "slow-shop", "--precision", "50%", "--out", Out("precision"));

        Assert.Contains("2 variants × 3 replications", r.Stdout);
        Assert.Contains("\"target\": 0.5", File.ReadAllText(Path.Combine(Out("precision"), "comparison.json")));
    }

    [Fact]
    public void Compare_WithoutOut_WritesResultsScenarioCompare()
    {
        var r = CliRunner.RunIn(_temp, "compare", Path.Combine(CliRunner.RepositoryRoot, Fixture), "--replications", "2", "--variants", "slow-shop");

        Assert.True(r.ExitCode == 0, r.Stderr);
        Assert.True(File.Exists(Path.Combine(_temp, "results", "compare-small", "compare", "comparison.json")));
    }

    [Fact]
    public void Compare_UnknownVariant_IsALocatedErrorWithAHint_Exit2_NothingWritten()
    {
        var r = CliRunner.Run("compare", Fixture, "--variants", "slow-shop,slow-shoop", "--out", Out("unknown"));

        Assert.Equal(2, r.ExitCode);
        Assert.Matches(@"compare-small\.yaml:\d+:\d+: error SCN022: unknown variant 'slow-shoop'", r.Stderr);
        Assert.Contains("hint:", r.Stderr);
        Assert.False(Directory.Exists(Out("unknown")));
    }

    [Theory]
    [InlineData("--replications 1", "at least 2")]
    [InlineData("--precision 2", "percent sign")]
    [InlineData("--precision 0%", "more than 0%")]
    [InlineData("--replications 3 --precision 2%", "alternatives")]
    [InlineData("--parallel 0", "at least 1")]
    [InlineData("--no-such-option", "--no-such-option")]
    public void Compare_BadUsage_Exits2WithAMessage_NothingWritten(string options, string message)
    {
        var r = CliRunner.Run(["compare", Fixture, .. options.Split(' '), "--out", Out("bad")]);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.False(Directory.Exists(Out("bad")));
    }

    [Fact]
    public void Compare_MissingScenario_Exits2()
    {
        var r = CliRunner.Run("compare", "no/such/scenario.yaml", "--out", Out("missing"));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no/such/scenario.yaml", r.Stderr);
        Assert.False(Directory.Exists(Out("missing")));
    }
}

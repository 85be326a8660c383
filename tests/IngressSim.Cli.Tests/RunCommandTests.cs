using System.Globalization;
using System.Text.Json.Nodes;

namespace IngressSim.Cli.Tests;

/// <summary>
/// <c>ingress-sim run</c> end to end: the results folder (timeseries.csv, summary.json, three PNGs, the scenario and its diagnostics),
/// determinism across invocations, --seed/--param/--variant reaching the run, the default folder, and
/// bad input refused with located diagnostics before anything is written.
/// </summary>
public sealed class RunCommandTests : IDisposable
{
    private const string Minimal = "scenarios/examples/minimal.yaml";
    private static readonly string[] Files =
    [
        "timeseries.csv", "summary.json", "breakdown.csv", "latency-over-time.png", "status-codes-over-time.png", "latency-cdf.png",
        "latency-breakdown.png", "narrative.json", "timeline.json", "scenario.yaml", "diagnostics.json",
    ];
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly string _temp = Directory.CreateTempSubdirectory("ingress-sim-run-tests-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Out(string name) => Path.Combine(_temp, name);

    private static CliRunner.Outcome RunOk(params string[] args)
    {
        var r = CliRunner.Run(["run", .. args]);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        AssertNoStackTrace(r);
        return r;
    }

    private static void AssertNoStackTrace(CliRunner.Outcome r) => Assert.DoesNotContain("   at ", r.Stdout + r.Stderr);

    private static JsonObject Summary(string folder) => JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")))!.AsObject();

    /// <summary>summary.json without the one field that legitimately differs between identical runs.</summary>
    private static string SummaryWithoutWallTime(string folder)
    {
        var json = Summary(folder);
        Assert.True(json.Remove("wallSeconds"), "summary.json has no wallSeconds");
        return json.ToJsonString();
    }

    private static string[] CsvLines(string folder) => File.ReadAllLines(Path.Combine(folder, "timeseries.csv"));

    /// <summary>Requests over the CSV's "all" rows.</summary>
    private static long CsvTotalRequests(string folder)
    {
        var lines = CsvLines(folder);
        var header = lines[0].Split(',');
        int series = Array.IndexOf(header, "series"), requests = Array.IndexOf(header, "requests");
        return lines.Skip(1).Select(l => l.Split(',')).Where(f => f[series] == "all").Sum(f => long.Parse(f[requests], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Where the time went: in breakdown.csv each window's mean per cause adds up to its mean latency and the
    /// slowest request's causes to its latency, which is the window's max in timeseries.csv; summary.json's
    /// breakdown adds up to the run's mean.
    /// </summary>
    [Fact]
    public void Run_MinimalScenario_BreakdownAddsUpToTheLatency()
    {
        var folder = Out("breakdown");
        RunOk(Minimal, "--out", folder);

        var lines = File.ReadAllLines(Path.Combine(folder, "breakdown.csv"));
        var header = lines[0].Split(',');
        int mean = Array.IndexOf(header, "mean_ms"), slowest = Array.IndexOf(header, "slowest_ms");
        int[] means = header.Select((h, i) => (h, i)).Where(c => c.h.StartsWith("mean_", StringComparison.Ordinal) && c.i != mean).Select(c => c.i).ToArray();
        int[] slowests = header.Select((h, i) => (h, i)).Where(c => c.h.StartsWith("slowest_", StringComparison.Ordinal) && c.h.EndsWith("_ms", StringComparison.Ordinal) && c.i != slowest).Select(c => c.i).ToArray();
        Assert.Equal(12, means.Length);
        Assert.Equal(12, slowests.Length);
        var maxByWindow = CsvLines(folder).Skip(1).Select(l => l.Split(',')).Where(f => f[2] == "all").ToDictionary(f => f[0], f => Parse(f[9]));
        Assert.Equal(30, lines.Length - 1);
        foreach (var f in lines.Skip(1).Select(l => l.Split(',')))
        {
            Assert.Equal(Parse(f[mean]), means.Sum(i => Parse(f[i])), 6);
            Assert.Equal(Parse(f[slowest]), slowests.Sum(i => Parse(f[i])), 6);
            Assert.Equal(maxByWindow[f[0]], Parse(f[slowest]), 6);
        }
        var summary = Summary(folder);
        double causes = summary["latencyBreakdownMs"]!.AsObject().Sum(kv => kv.Value!.GetValue<double>());
        Assert.Equal(summary["latencyMs"]!["mean"]!.GetValue<double>(), causes, 6);
    }

    private static double Parse(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);

    [Fact]
    public void Run_MinimalScenario_WritesTheResultFiles()
    {
        var folder = Out("minimal");
        var r = RunOk(Minimal, "--out", folder);

        Assert.Contains($"Results: {folder}", r.Stdout);
        Assert.Equal(Files.Order(StringComparer.Ordinal), Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        foreach (var png in Files.Where(f => f.EndsWith(".png", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(Path.Combine(folder, png));
            Assert.True(bytes.Length > 1000, $"{png} is {bytes.Length} bytes");
            Assert.Equal(PngSignature, bytes[..8]);
        }

        var csv = CsvLines(folder);
        Assert.StartsWith("window_start_s,window_end_s,series,requests,mean_ms,p50_ms,p95_ms,p99_ms,p999_ms,max_ms,status_2xx,", csv[0]);
        // 5 minutes in 10 s windows: one "all" row per window, after the window's series rows.
        Assert.Equal(30, csv.Skip(1).Count(l => l.Split(',')[2] == "all"));
        Assert.StartsWith("0,10,default/shop,", csv[1], StringComparison.Ordinal);
        Assert.StartsWith("290,300,", csv[^1], StringComparison.Ordinal);

        var summary = Summary(folder);
        Assert.Equal("minimal", (string?)summary["scenario"]);
        Assert.Equal("base", (string?)summary["variant"]);
        Assert.Equal(1, (long)summary["seed"]!); // the scenario format's default seed
        Assert.Equal(300, (double)summary["simulatedSeconds"]!);
        long total = (long)summary["requests"]!["total"]!;
        Assert.InRange(total, 28_000, 32_000); // 100/s for 300 s, Poisson
        Assert.Equal(total, CsvTotalRequests(folder));
        Assert.Equal(total, (long)summary["requests"]!["byStatus"]!["2xx"]!);
        double p50 = (double)summary["latencyMs"]!["p50"]!, p99 = (double)summary["latencyMs"]!["p99"]!, max = (double)summary["latencyMs"]!["max"]!;
        Assert.True(p50 > 15 && p50 <= p99 && p99 <= max, $"p50 {p50}, p99 {p99}, max {max}");
        Assert.IsType<JsonArray>(summary["phases"]);
        Assert.True((long)summary["events"]! > total);
    }

    [Fact]
    public void Run_Twice_GivesByteIdenticalTimeseriesAndSummaryApartFromWallTime()
    {
        var (a, b) = (Out("a"), Out("b"));
        RunOk(Minimal, "--out", a);
        RunOk(Minimal, "--out", b);

        Assert.Equal(File.ReadAllBytes(Path.Combine(a, "timeseries.csv")), File.ReadAllBytes(Path.Combine(b, "timeseries.csv")));
        Assert.Equal(SummaryWithoutWallTime(a), SummaryWithoutWallTime(b));
    }

    [Fact]
    public void Run_SeedOption_ReachesTheRunAndChangesTheResults()
    {
        var (base_, seeded) = (Out("seed-default"), Out("seed-5"));
        RunOk(Minimal, "--out", base_);
        RunOk(Minimal, "--out", seeded, "--seed", "5");

        Assert.Equal(5, (long)Summary(seeded)["seed"]!);
        Assert.NotEqual(File.ReadAllText(Path.Combine(base_, "timeseries.csv")), File.ReadAllText(Path.Combine(seeded, "timeseries.csv")));
    }

    /// <summary>A one-minute copy of the minimal example whose rate and replicas are written by the caller.</summary>
    private string WriteScenario(string file, string rate, string replicas, string parameters = "", string variants = "")
    {
        var text = File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, Minimal))
            .Replace("duration: 5m", "duration: 1m" + parameters, StringComparison.Ordinal)
            .Replace("rate: {constant: 100/s}", $"rate: {{constant: {rate}}}", StringComparison.Ordinal)
            .Replace("replicas: 2\n", $"replicas: {replicas}\n", StringComparison.Ordinal)
            + variants;
        Assert.Contains(rate, text);
        var path = Path.Combine(_temp, file);
        File.WriteAllText(path, text);
        return path;
    }

    private const string Parameters = "\n  parameters:\n    rate: 100/s";
    private const string Variants = "  variants:\n    more-replicas:\n      set:\n        cluster.controllers[ingress-nginx].replicas: 4\n";

    [Fact]
    public void Run_ParamOption_IsTheSameRunAsTheValueWrittenInTheFile()
    {
        var parameterised = WriteScenario("parameterised.yaml", "\"${rate}\"", "2", Parameters); // quoted: unquoted, the { of ${ would open a nested flow mapping
        var literal = WriteScenario("literal.yaml", "50/s", "2");
        var (fromParam, fromFile, fromDefault) = (Out("param"), Out("literal"), Out("default"));

        RunOk(parameterised, "--out", fromParam, "--param", "rate=50/s");
        RunOk(literal, "--out", fromFile);
        RunOk(parameterised, "--out", fromDefault);

        Assert.Equal(File.ReadAllBytes(Path.Combine(fromFile, "timeseries.csv")), File.ReadAllBytes(Path.Combine(fromParam, "timeseries.csv")));
        Assert.Equal(SummaryWithoutWallTime(fromFile), SummaryWithoutWallTime(fromParam));
        long half = (long)Summary(fromParam)["requests"]!["total"]!, full = (long)Summary(fromDefault)["requests"]!["total"]!;
        Assert.InRange(half / (double)full, 0.4, 0.6);
    }

    [Fact]
    public void Run_VariantOption_IsTheSameRunAsTheOverlayWrittenInTheFile_AndNamesTheVariant()
    {
        var withVariants = WriteScenario("variants.yaml", "100/s", "2", variants: Variants);
        var overlaid = WriteScenario("overlaid.yaml", "100/s", "4");
        var (fromVariant, fromFile) = (Out("variant"), Out("overlaid"));

        RunOk(withVariants, "--out", fromVariant, "--variant", "more-replicas");
        RunOk(overlaid, "--out", fromFile);

        Assert.Equal("more-replicas", (string?)Summary(fromVariant)["variant"]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(fromFile, "timeseries.csv")), File.ReadAllBytes(Path.Combine(fromVariant, "timeseries.csv")));
    }

    [Fact]
    public void Run_WithoutOut_WritesResultsScenarioVariantUnderTheWorkingFolder()
    {
        var scenario = WriteScenario("variants.yaml", "100/s", "2", variants: Variants);
        var r = CliRunner.RunIn(_temp, "run", scenario, "--variant", "more-replicas");

        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        var folder = Path.Combine(_temp, "results", "minimal", "more-replicas");
        Assert.All(Files, f => Assert.True(File.Exists(Path.Combine(folder, f)), $"{f} missing in {folder}"));
        Assert.Equal(["more-replicas"], Directory.GetFileSystemEntries(Path.Combine(_temp, "results", "minimal")).Select(Path.GetFileName));
    }

    [Fact]
    public void Run_IntoAnExistingResultsFolder_ReplacesItAndLeavesNoPartialFolder()
    {
        var folder = Out("again");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "stale.txt"), "from an older run");

        RunOk(Minimal, "--out", folder, "--seed", "3");

        Assert.False(File.Exists(Path.Combine(folder, "stale.txt")));
        Assert.Equal(3, (long)Summary(folder)["seed"]!);
        Assert.DoesNotContain(Directory.GetFileSystemEntries(_temp).Select(Path.GetFileName), n => n!.Contains("partial", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_BrokenScenario_Exits2WithLocatedDiagnostics_AndWritesNothing()
    {
        const string broken = "scenarios/examples/broken/scn-many-errors.yaml";
        var folder = Out("broken");

        var r = CliRunner.Run("run", broken, "--out", folder);

        Assert.Equal(2, r.ExitCode);
        Assert.Matches($@"(?m)^{System.Text.RegularExpressions.Regex.Escape(broken)}:\d+:\d+: error SCN\d{{3}}: .+\n    hint: \S", r.Stderr);
        Assert.Contains("error SCN011", r.Stderr);
        Assert.Contains("error SCN012", r.Stderr);
        Assert.False(Directory.Exists(folder), "the results folder was created");
        Assert.Empty(Directory.GetFileSystemEntries(_temp));
        AssertNoStackTrace(r);
    }

    [Theory]
    [InlineData("SCN022", "--variant", "nope")]
    [InlineData("SCN021", "--param", "rate=50/s")]
    public void Run_UnknownVariantOrParameter_Exits2_AndWritesNothing(string code, params string[] options)
    {
        var folder = Out("refused");
        var r = CliRunner.Run(["run", Minimal, "--out", folder, .. options]);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"error {code}", r.Stderr);
        Assert.False(Directory.Exists(folder));
        AssertNoStackTrace(r);
    }

    [Fact]
    public void Run_MissingScenarioFile_Exits2_AndWritesNothing()
    {
        var folder = Out("missing");
        var r = CliRunner.Run("run", "scenarios/examples/no-such-scenario.yaml", "--out", folder);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("no-such-scenario.yaml: error SCN006", r.Stderr);
        Assert.False(Directory.Exists(folder));
        AssertNoStackTrace(r);
    }

    [Theory]
    [InlineData("--seed", "minus-one")]
    [InlineData("--param", "rate")]
    public void Run_BadOptionValue_Exits2WithoutAStackTrace(params string[] options)
    {
        var folder = Out("bad-usage");
        var r = CliRunner.Run(["run", Minimal, "--out", folder, .. options]);

        Assert.Equal(2, r.ExitCode);
        Assert.False(Directory.Exists(folder));
        AssertNoStackTrace(r);
    }
}

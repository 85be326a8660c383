using System.Text.Json;
using System.Text.RegularExpressions;

namespace IngressSim.Cli.Tests;

/// <summary>
/// <c>ingress-sim validate</c> end to end over the bundled scenarios/examples (valid) and
/// scenarios/examples/broken (one problem per file; positions are asserted in IngressSim.Scenarios.Tests).
/// </summary>
public class ValidateCommandTests
{
    private const string Examples = "scenarios/examples";
    private const string Broken = "scenarios/examples/broken";

    private static string[] YamlFiles(string folder) =>
        Directory.GetFiles(Path.Combine(CliRunner.RepositoryRoot, folder), "*.yaml")
            .Select(f => $"{folder}/{Path.GetFileName(f)}").Order(StringComparer.Ordinal).ToArray();

    /// <summary>What each broken example must report (file, severity, code); more findings are allowed.</summary>
    public static TheoryData<string, string, string> BrokenExamples => new()
    {
        { "lnt001-no-controller-for-class.yaml", "error", "LNT001" },
        { "lnt002-missing-class-name.yaml", "warning", "LNT002" },
        { "lnt003-two-default-classes.yaml", "error", "LNT003" },
        { "lnt004-tls-secret-other-namespace.yaml", "warning", "LNT004" },
        { "lnt005-006-007-backends.yaml", "error", "LNT005" },
        { "lnt005-006-007-backends.yaml", "error", "LNT006" },
        { "lnt005-006-007-backends.yaml", "warning", "LNT007" },
        { "lnt008-010-011-scenario.yaml", "warning", "LNT008" },
        { "lnt009-no-anti-affinity.yaml", "warning", "LNT009" },
        { "lnt008-010-011-scenario.yaml", "warning", "LNT010" },
        { "lnt008-010-011-scenario.yaml", "warning", "LNT011" },
        { "lnt012-network-policy.yaml", "warning", "LNT012" },
        { "lnt013-duplicate-host-path.yaml", "warning", "LNT013" },
        { "lnt014-annotation-values.yaml", "error", "LNT014" },
        { "scn-many-errors.yaml", "error", "SCN011" },
        { "scn-many-errors.yaml", "error", "SCN012" },
        { "scn-many-errors.yaml", "error", "SCN014" },
    };

    private static readonly Lazy<CliRunner.Outcome> BrokenText = new(() => CliRunner.Run(["validate", .. YamlFiles(Broken)]));

    [Fact]
    public void Validate_BundledExamples_AreValid()
    {
        var files = YamlFiles(Examples);
        Assert.NotEmpty(files);
        var r = CliRunner.Run(["validate", .. files]);
        Assert.True(r.ExitCode == 0, r.Stdout + r.Stderr);
        Assert.DoesNotContain(": error ", r.Stdout);
        Assert.StartsWith("valid: 0 errors, ", r.Stdout.TrimEnd().Split('\n')[^1]);
    }

    [Theory]
    [MemberData(nameof(BrokenExamples))]
    public void Validate_BrokenExamples_ReportEachProblemLocated_WithAHint(string file, string severity, string code)
    {
        var r = BrokenText.Value;
        Assert.Equal(2, r.ExitCode);
        Assert.Matches(new Regex($@"^{Regex.Escape($"{Broken}/{file}")}:\d+:\d+: {severity} {code}: .+\n    hint: \S.*$", RegexOptions.Multiline), r.Stdout);
    }

    [Theory]
    [InlineData("lnt009-no-anti-affinity.yaml", 0)] // warnings only
    [InlineData("lnt001-no-controller-for-class.yaml", 2)]
    public void Validate_ExitCode_Is2OnlyWhenThereIsAnError(string file, int exitCode)
    {
        Assert.Equal(exitCode, CliRunner.Run("validate", $"{Broken}/{file}").ExitCode);
    }

    [Fact]
    public void Validate_ManifestsRoutedAsIngressNginxsOwnClass_AreValidWithAHint()
    {
        // canary.yaml names class "nginx" and defines no IngressClass: 'route' serves it, so 'validate' must not fail it.
        var r = CliRunner.RunIn(Path.Combine(AppContext.BaseDirectory, "Data"), "validate", "canary.yaml");
        Assert.Equal(0, r.ExitCode);
        Assert.StartsWith("canary.yaml:22:21: warning LNT001: Ingress default/shop asks for class 'nginx'", r.Stdout);
        Assert.Contains("hint: include the IngressClass 'nginx'", r.Stdout);
    }

    [Fact]
    public void Validate_ManifestWithYamlSyntaxError_ReportsLineAndColumn()
    {
        var r = CliRunner.RunIn(Path.Combine(AppContext.BaseDirectory, "Data"), "validate", "broken-yaml.yaml");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("broken-yaml.yaml:4:9: error K8S001: YAML syntax error", r.Stdout);
        Assert.DoesNotContain("   at ", r.Stdout + r.Stderr);
    }

    [Fact]
    public void Validate_FormatJson_ListsEveryDiagnostic()
    {
        var files = YamlFiles(Broken);
        var r = CliRunner.Run(["validate", "--format", "json", .. files]);
        Assert.Equal(2, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.False(root.GetProperty("valid").GetBoolean());
        var diagnostics = root.GetProperty("diagnostics").EnumerateArray().ToList();
        Assert.Equal(root.GetProperty("errors").GetInt32(), diagnostics.Count(d => d.GetProperty("severity").GetString() == "error"));
        Assert.Equal(root.GetProperty("warnings").GetInt32(), diagnostics.Count(d => d.GetProperty("severity").GetString() == "warning"));
        Assert.Equal(BrokenText.Value.Stdout.Split('\n').Count(l => Regex.IsMatch(l, @"^\S+:\d+:\d+: (error|warning) ")), diagnostics.Count);
        foreach (var d in diagnostics)
        {
            Assert.Contains(d.GetProperty("file").GetString(), files);
            Assert.True(d.GetProperty("line").GetInt32() > 0);
            Assert.Matches("^[A-Z]{3}[0-9]{3}$", d.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(d.GetProperty("message").GetString()));
        }
    }

    [Fact]
    public void Validate_FormatSarif_IsSarif210_WithRulesResultsAndLocations()
    {
        var r = CliRunner.Run(["validate", "--format", "sarif", .. YamlFiles(Broken)]);
        Assert.Equal(2, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal("2.1.0", root.GetProperty("version").GetString());
        var run = root.GetProperty("runs")[0];
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("ingress-sim", driver.GetProperty("name").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+$", driver.GetProperty("version").GetString());
        var ruleIds = driver.GetProperty("rules").EnumerateArray().Select(rule => rule.GetProperty("id").GetString()).ToHashSet();
        var results = run.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        foreach (var result in results)
        {
            Assert.Contains(result.GetProperty("ruleId").GetString(), ruleIds);
            Assert.Contains(result.GetProperty("level").GetString(), new[] { "error", "warning" });
            Assert.False(string.IsNullOrWhiteSpace(result.GetProperty("message").GetProperty("text").GetString()));
            var location = result.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.StartsWith(Broken + "/", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
            Assert.True(location.GetProperty("region").GetProperty("startLine").GetInt32() > 0);
        }
    }

    [Theory]
    [InlineData(0, "valid: 0 errors", "--variant", "contour")]
    [InlineData(2, "unknown variant 'nope'", "--variant", "nope")]
    [InlineData(2, "'abc' is not a whole number", "--param", "services=abc")]
    [InlineData(2, "the scenario declares no parameter 'sevices'", "--param", "sevices=3")]
    public void Validate_ParamsAndVariant_ReachTheScenarioLoader(int exitCode, string expected, params string[] options)
    {
        var r = CliRunner.Run(["validate", $"{Examples}/storefront.yaml", .. options]);
        Assert.Equal(exitCode, r.ExitCode);
        Assert.Contains(expected, r.Stdout);
    }

    [Fact]
    public void Validate_MissingFile_HintsWhereItWasLookedFor()
    {
        var r = CliRunner.Run("validate", "missing.yaml");
        Assert.Contains($"hint: looked for {Path.Combine(CliRunner.RepositoryRoot, "missing.yaml")} (", r.Stdout);
    }

    [Theory]
    [InlineData("missing.yaml: error SCN006: file not found", "missing.yaml")]
    [InlineData("Required argument 'SCENARIO_OR_MANIFESTS' missing")]
    [InlineData("'xml' not recognized", "--format", "xml", "scenarios/examples/minimal.yaml")]
    [InlineData("--param 'services': expected name=value", "--param", "services", "scenarios/examples/minimal.yaml")]
    public void Validate_BadUsageOrMissingFile_ExitsWith2_AndAClearMessage(string expected, params string[] args)
    {
        var r = CliRunner.Run(["validate", .. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(expected, r.Stdout + r.Stderr);
        Assert.DoesNotContain("   at ", r.Stdout + r.Stderr);
    }
}

using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Sweeps;

namespace IngressSim.Experiments.Tests.Sweeps;

/// <summary>Sweep files load with the scenario infrastructure: the grid in order, and every mistake located, coded and hinted.</summary>
public sealed class SweepLoaderTests : IDisposable
{
    private readonly SmallSweep _sweep = new();

    public void Dispose() => _sweep.Dispose();

    private Diagnostic SingleError(string text, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var result = _sweep.Load(text, overrides);
        Assert.Null(result.Sweep);
        return Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
    }

    private static string At(Diagnostic d) => $"{d.Location.Line}:{d.Location.Column}";

    [Fact]
    public void Fixture_LoadsTheGridInOrder_TheVariantVaryingFastest()
    {
        var sweep = _sweep.Load(SmallSweep.FixtureText).Sweep!;

        Assert.Equal(["rate", "variant"], sweep.Dimensions.Select(d => d.Name));
        Assert.Equal(["50/s|base", "50/s|slow-shop", "100/s|base", "100/s|slow-shop"],
            sweep.Points.Select(p => $"{p.Parameters["rate"]}|{p.Variant}"));
        Assert.Equal([1, 0], sweep.Points[2].Coordinates);
        Assert.Equal("slow-shop", sweep.Points[3].Scenario.Variant);
        Assert.Equal("100/s", sweep.Points[3].Scenario.Parameters["rate"]);
        Assert.Equal(["steady"], sweep.Phases);
    }

    [Fact]
    public void UnknownField_IsLocated_WithDidYouMean()
    {
        var error = SingleError(SmallSweep.FixtureText.Replace("  replications: 2", "  replicatons: 2"));

        Assert.Equal(ScenarioCodes.UnknownField, error.Code);
        Assert.Equal("12:3", At(error));
        Assert.Equal("did you mean 'replications'?", error.Hint);
    }

    [Fact]
    public void UnknownSweptParameter_IsLocatedAtItsName_WithDidYouMean()
    {
        var error = SingleError(SmallSweep.FixtureText.Replace("name: rate", "name: rat"));

        Assert.Equal(SweepCodes.UnknownParameter, error.Code);
        Assert.Equal("9:13", At(error));
        Assert.Equal("did you mean 'rate'?", error.Hint);
    }

    [Fact]
    public void UnknownFixedParameter_IsLocatedAtItsKeyInTheSweep()
    {
        var error = SingleError(SmallSweep.FixtureText.Replace("  parameters:\n", "  set: {duraton: 15s}\n  parameters:\n"));

        Assert.Equal(SweepCodes.UnknownParameter, error.Code);
        Assert.EndsWith("test.sweep.yaml", error.Location.File);
        Assert.Equal("8:9", At(error));
        Assert.Equal("did you mean 'duration'?", error.Hint);
    }

    [Fact]
    public void UnknownVariant_IsLocatedAtTheItem()
    {
        var error = SingleError(SmallSweep.FixtureText.Replace("[base, slow-shop]", "[base, slow-shp]"));

        Assert.Equal(SweepCodes.UnknownVariant, error.Code);
        Assert.Equal("11:20", At(error));
        Assert.Equal("did you mean 'slow-shop'?", error.Hint);
    }

    [Fact]
    public void ValueTheScenarioRejects_IsReportedInTheScenario_AndAtTheSweptValue()
    {
        var result = _sweep.Load(SmallSweep.FixtureText.Replace("[50/s, 100/s]", "[50/s, lots]"));

        Assert.Null(result.Sweep);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Contains(errors, d => d.Code == ScenarioCodes.InvalidValue && d.Location.File.EndsWith("sweep-small.yaml", StringComparison.Ordinal));
        // Reported once for the value, not once per variant at that value.
        var point = Assert.Single(errors, d => d.Code == SweepCodes.PointDoesNotLoad);
        Assert.Equal("10:22", At(point));
        Assert.Contains("rate=lots", point.Message);
    }

    [Fact]
    public void MissingScenario_IsLocatedAtTheField()
    {
        var error = SingleError(SmallSweep.FixtureText.Replace("scenario: sweep-small.yaml", "scenario: nowhere.yaml"));

        Assert.Equal(ScenarioCodes.FileNotFound, error.Code);
        Assert.Equal("7:13", At(error));
        Assert.Contains("relative to the sweep file", error.Hint);
    }

    [Fact]
    public void WrongKind_IsRefused()
    {
        var error = SingleError(SmallSweep.FixtureText.Replace("kind: Sweep", "kind: Scenario"));

        Assert.Equal(ScenarioCodes.Inconsistent, error.Code);
        Assert.Equal("kind 'Scenario' is not a sweep", error.Message);
    }

    [Fact]
    public void GridOverThePointLimit_IsRefused()
    {
        string values = "[" + string.Join(", ", Enumerable.Range(1, 100).Select(i => $"{i}/s")) + "]";
        var text = SmallSweep.FixtureText.Replace("[50/s, 100/s]", values)
            .Replace("  variants:", "    - {name: duration, values: [" + string.Join(", ", Enumerable.Range(10, 60).Select(i => $"{i}s")) + "]}\n  variants:");

        var error = SingleError(text);
        Assert.Equal(ScenarioCodes.Inconsistent, error.Code);
        Assert.Contains("the grid has 12,000 points, over the limit of 10,000", error.Message);
    }

    [Fact]
    public void RunsOverTheUnitLimit_AreRefusedAtReplications()
    {
        string values = "[" + string.Join(", ", Enumerable.Range(1, 100).Select(i => $"{i}/s")) + "]";
        var error = SingleError(SmallSweep.FixtureText.Replace("[50/s, 100/s]", values).Replace("replications: 2", "replications: 600"));

        Assert.Contains("200 points × 600 replications = 120,000 runs, over the limit of 100,000", error.Message);
        Assert.Equal("12:17", At(error));
    }

    [Fact]
    public void OverridingASweptParameter_IsRefused_AFixedOneApplies()
    {
        Assert.Equal(SweepCodes.SweptOverride, SingleError(SmallSweep.FixtureText, new Dictionary<string, string> { ["rate"] = "1/s" }).Code);

        var sweep = _sweep.Load(SmallSweep.FixtureText, new Dictionary<string, string> { ["duration"] = "15s" }).Sweep!;
        Assert.All(sweep.Points, p => Assert.Equal("15s", p.Scenario.Parameters["duration"]));
    }

    [Fact]
    public void UnknownPhase_IsLocated_WithDidYouMean()
    {
        var error = SingleError(SmallSweep.FixtureText.Replace("phases: [steady]", "phases: [stedy]"));

        Assert.Equal(SweepCodes.UnknownPhase, error.Code);
        Assert.Equal("did you mean 'steady'?", error.Hint);
    }
}

using IngressSim.Experiments.Replications;
using IngressSim.Kubernetes.Diagnostics;

namespace IngressSim.Experiments.Tests.Comparison;

public sealed class ComparisonPlanTests
{
    [Fact]
    public void Load_NoVariantsNamed_TakesBaseThenEveryDeclaredVariant()
    {
        var plan = SmallScenario.Plan(ReplicationRule.Fixed(3), null);

        Assert.Equal(["base", "unchanged", "slow-shop"], plan.Variants.Select(v => v.Variant));
    }

    [Fact]
    public void Load_NamedVariants_PutsBaseFirstOnce()
    {
        var plan = SmallScenario.Plan(ReplicationRule.Fixed(3), "slow-shop", "base", "slow-shop");

        Assert.Equal(["base", "slow-shop"], plan.Variants.Select(v => v.Variant));
    }

    [Fact]
    public void Load_UnknownVariant_IsALocatedErrorWithAHint_AndNoPlan()
    {
        var load = SmallScenario.Load(ReplicationRule.Fixed(3), "slow-shop", "slow-shoop");

        Assert.Null(load.Plan);
        var error = Assert.Single(load.Diagnostics);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal("SCN022", error.Code);
        Assert.Contains("'slow-shoop'", error.Message);
        Assert.Contains("slow-shop", error.Hint);
        Assert.EndsWith("compare-small.yaml", error.Location.File);
        Assert.True(error.Location.Line > 1, $"line {error.Location.Line}");
    }
}

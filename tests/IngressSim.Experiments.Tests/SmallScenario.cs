using IngressSim.Experiments.Comparison;
using IngressSim.Experiments.Replications;

namespace IngressSim.Experiments.Tests;

/// <summary>The compare-small fixture: base, <c>unchanged</c> (a no-op overlay) and <c>slow-shop</c>; ~30 ms a run.</summary>
internal static class SmallScenario
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "Data", "compare-small.yaml");

    public static ComparisonPlanLoad Load(ReplicationRule rule, params string[]? variants) =>
        ComparisonPlan.Load(Path, new Dictionary<string, string>(), variants, rule);

    public static ComparisonPlan Plan(ReplicationRule rule, params string[]? variants)
    {
        var load = Load(rule, variants);
        Assert.Empty(load.Diagnostics);
        return load.Plan!;
    }

    /// <summary>Every variant, four replications, on two workers: shared by tests that only read it.</summary>
    public static ComparisonResult FourReplications => Shared.Value;

    private static readonly Lazy<ComparisonResult> Shared = new(() => new ComparisonRunner(2).Run(Plan(ReplicationRule.Fixed(4), null)));
}

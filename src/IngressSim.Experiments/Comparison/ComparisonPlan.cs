using IngressSim.Experiments.Replications;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Variants;

namespace IngressSim.Experiments.Comparison;

/// <summary>
/// What to compare: the same scenario loaded once per variant, <c>base</c> first (every difference is
/// measured against it), and how many replications each gets. Every variant runs the same replications,
/// so each difference is paired over all of them.
/// </summary>
public sealed class ComparisonPlan
{
    public ComparisonPlan(IReadOnlyList<LoadedScenario> variants, ReplicationRule replications)
    {
        if (variants.Count == 0 || variants[0].Variant != VariantOverlay.BaseVariant)
            throw new ArgumentException($"the first variant must be '{VariantOverlay.BaseVariant}', the reference of every difference", nameof(variants));
        if (variants.Select(v => v.Variant).Distinct(StringComparer.Ordinal).Count() != variants.Count)
            throw new ArgumentException("each variant may appear once", nameof(variants));
        Variants = variants;
        Replications = replications;
    }

    public IReadOnlyList<LoadedScenario> Variants { get; }
    public ReplicationRule Replications { get; }

    public LoadedScenario Base => Variants[0];

    /// <summary>The seed replication seeds derive from: the base scenario's, so variants cannot drift apart.</summary>
    public ulong ScenarioSeed => unchecked((ulong)Base.Spec.Seed);

    /// <summary>
    /// Loads <paramref name="variantNames"/> (null: every declared variant) plus <c>base</c>, each with the same
    /// parameters; every loader diagnostic (an unknown variant name, with its location and a hint) is returned.
    /// </summary>
    public static ComparisonPlanLoad Load(
        string path, IReadOnlyDictionary<string, string> parameters, IReadOnlyList<string>? variantNames, ReplicationRule replications)
    {
        var diagnostics = new List<Diagnostic>();
        var baseResult = ScenarioLoader.Load(path, new ScenarioLoadOptions { Parameters = parameters });
        diagnostics.AddRange(baseResult.Diagnostics);
        if (baseResult.Scenario is not { } @base) return new ComparisonPlanLoad(null, diagnostics);

        var names = (variantNames ?? @base.Spec.Variants.Keys.ToList())
            .Where(name => name != VariantOverlay.BaseVariant)
            .Distinct(StringComparer.Ordinal);
        var variants = new List<LoadedScenario> { @base };
        foreach (string name in names)
        {
            var result = ScenarioLoader.Load(path, new ScenarioLoadOptions { Parameters = parameters, Variant = name });
            // The base load already reported the file's warnings; a variant adds only its own errors.
            diagnostics.AddRange(result.Diagnostics.Where(d => !baseResult.Diagnostics.Contains(d)));
            if (result.Scenario is { } loaded) variants.Add(loaded);
        }
        bool failed = diagnostics.Any(d => d.Severity == Severity.Error);
        return new ComparisonPlanLoad(failed ? null : new ComparisonPlan(variants, replications), diagnostics);
    }
}

/// <summary>A plan when every variant loaded, and every diagnostic found (warnings too) either way.</summary>
public sealed record ComparisonPlanLoad(ComparisonPlan? Plan, IReadOnlyList<Diagnostic> Diagnostics);

using IngressSim.Scenarios.Traffic;

namespace IngressSim.Scenarios.Loading;

/// <summary>
/// A scenario ready to build a model from: the typed document (variant applied, parameters
/// substituted), the effective parameter values, and the data read from files it references.
/// </summary>
public sealed record LoadedScenario
{
    public required ScenarioDocument Document { get; init; }

    /// <summary>The scenario file; relative references were resolved against its folder.</summary>
    public required string SourcePath { get; init; }

    /// <summary>The applied variant, or <see cref="Variants.VariantOverlay.BaseVariant"/>.</summary>
    public required string Variant { get; init; }

    /// <summary>Every declared parameter with its effective value (default or override).</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>Rate series of <c>csv</c> rate profiles, keyed by <see cref="CsvRateSpec.File"/> as written.</summary>
    public required IReadOnlyDictionary<string, RateSeries> RateSeries { get; init; }

    public ScenarioSpec Spec => Document.Spec;
    public string Name => Document.Metadata.Name;
}

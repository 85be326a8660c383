using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Loading;

/// <summary>What the command line adds to a scenario file: <c>--param name=value</c> overrides and <c>--variant NAME</c>.</summary>
public sealed record ScenarioLoadOptions
{
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>A name under <c>spec.variants</c>; null or <c>base</c> = the scenario without overlays.</summary>
    public string? Variant { get; init; }

    public YamlLimits Limits { get; init; } = YamlLimits.Default;

    public static ScenarioLoadOptions Default { get; } = new();
}

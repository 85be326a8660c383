using IngressSim.Kubernetes.Manifests;
using IngressSim.Scenarios.Cluster;
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

    /// <summary>The YAML tree the document was bound from (variant applied, parameters substituted), to locate fields.</summary>
    public required Yaml.SourceNode Tree { get; init; }

    /// <summary>The applied variant, or <see cref="Variants.VariantOverlay.BaseVariant"/>.</summary>
    public required string Variant { get; init; }

    /// <summary>Every declared parameter with its effective value (default or override).</summary>
    public required IReadOnlyDictionary<string, string> Parameters { get; init; }

    /// <summary>Rate series of <c>csv</c> rate profiles, keyed by <see cref="CsvRateSpec.File"/> as written.</summary>
    public required IReadOnlyDictionary<string, RateSeries> RateSeries { get; init; }

    /// <summary>
    /// Every Kubernetes object: from <c>manifestFiles</c> in order, the inline <c>manifests</c> block,
    /// the fleets' generated objects, and an IngressClass for each controller whose class no manifest defines.
    /// </summary>
    public required ManifestSet Manifests { get; init; }

    public ScenarioSpec Spec => Document.Spec;

    /// <summary>
    /// How the pods of Service <paramref name="name"/> behave: <c>cluster.workloads</c> by
    /// <c>namespace/name</c> or name, else the workload of the fleet that generated it, else <c>defaultWorkload</c>.
    /// </summary>
    public WorkloadSpec WorkloadOf(string @namespace, string name)
    {
        var cluster = Spec.Cluster;
        if (cluster.Workloads.TryGetValue($"{@namespace}/{name}", out var qualified)) return qualified;
        if (cluster.Workloads.TryGetValue(name, out var workload)) return workload;
        foreach (var fleet in cluster.Fleets)
            if (fleet.Namespace == @namespace && Enumerable.Range(1, fleet.Count).Any(i => fleet.ServiceNameOf(i) == name))
                return fleet.Workload;
        return cluster.DefaultWorkload;
    }
    public string Name => Document.Metadata.Name;
}

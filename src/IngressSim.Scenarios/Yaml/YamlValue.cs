namespace IngressSim.Scenarios.Yaml;

/// <summary>
/// A field whose content is kept as YAML rather than bound: an embedded Kubernetes object (read
/// later by the Kubernetes manifest reader) or a value a variant sets at a path.
/// </summary>
public sealed record YamlValue(SourceNode Node);

using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Manifests;
using IngressSim.Kubernetes.Meta;
using YamlDotNet.Serialization;

namespace IngressSim.Kubernetes;

/// <summary>
/// A Kubernetes object as the simulator reads it: only the fields that change simulated behaviour are
/// modelled, the rest of a real manifest is ignored. <see cref="Source"/> is filled by
/// <see cref="ManifestReader"/>, not by YAML, so lint can point at the document and its fields.
/// </summary>
public abstract record KubernetesObject
{
    public string ApiVersion { get; init; } = "";
    public string Kind { get; init; } = "";
    public ObjectMeta Metadata { get; init; } = new();

    [YamlIgnore]
    public ObjectSource Source { get; init; } = ObjectSource.Unknown;

    /// <summary><c>namespace/name</c>: the key Kubernetes and ingress-nginx sort and log by.</summary>
    [YamlIgnore]
    public string Key => $"{Metadata.Namespace}/{Metadata.Name}";

    /// <summary>Where a field was written, e.g. <c>spec.rules[0].http.paths[1].backend.service.name</c>.</summary>
    public SourceLocation Locate(string fieldPath) => Source.Locate(fieldPath);
}

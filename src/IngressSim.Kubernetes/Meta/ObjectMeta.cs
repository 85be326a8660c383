namespace IngressSim.Kubernetes.Meta;

/// <summary>metadata: the identity, labels and annotations every object carries.</summary>
public sealed record ObjectMeta
{
    /// <summary>The namespace an object lands in when its manifest names none (kubectl's default).</summary>
    public const string DefaultNamespace = "default";

    public string Name { get; init; } = "";
    public string Namespace { get; init; } = DefaultNamespace;
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();

    /// <summary>
    /// Set by the API server on creation; manifests usually omit it. Conflict rules ("oldest Ingress
    /// wins", Gateway API "oldest Route") compare it, so it is kept when present.
    /// </summary>
    public DateTimeOffset? CreationTimestamp { get; init; }

    public string? Annotation(string key) => Annotations.TryGetValue(key, out var value) ? value : null;
}

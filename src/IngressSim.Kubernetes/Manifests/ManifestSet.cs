using IngressSim.Kubernetes.Diagnostics;

namespace IngressSim.Kubernetes.Manifests;

/// <summary>What one read produced: the objects in file order and every problem found on the way.</summary>
public sealed record ManifestSet(IReadOnlyList<KubernetesObject> Objects, IReadOnlyList<Diagnostic> Diagnostics)
{
    public static readonly ManifestSet Empty = new([], []);

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    public IEnumerable<T> OfKind<T>() where T : KubernetesObject => Objects.OfType<T>();

    /// <summary>Both sets in order, e.g. the manifests of several files of one scenario.</summary>
    public ManifestSet Concat(ManifestSet other) => new([.. Objects, .. other.Objects], [.. Diagnostics, .. other.Diagnostics]);
}

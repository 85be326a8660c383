namespace IngressSim.Kubernetes.Core;

/// <summary>
/// v1 Secret, by reference only: lint checks that TLS secrets exist in the Ingress's namespace; the
/// payload is never read (and must not be, it holds keys).
/// </summary>
public sealed record Secret : KubernetesObject
{
    /// <summary>e.g. <c>kubernetes.io/tls</c>; Kubernetes defaults it to Opaque.</summary>
    public string Type { get; init; } = "Opaque";
}

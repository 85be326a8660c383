namespace IngressSim.Kubernetes.Networking;

/// <summary>networking.k8s.io/v1 IngressClass: which controller serves Ingresses of this class.</summary>
public sealed record IngressClass : KubernetesObject
{
    /// <summary>
    /// Marks the class the DefaultIngressClass admission plugin assigns to new Ingresses without a class
    /// (WEB concepts/services-networking/ingress.md "Default IngressClass").
    /// </summary>
    public const string IsDefaultClassAnnotation = "ingressclass.kubernetes.io/is-default-class";

    public IngressClassSpec Spec { get; init; } = new();

    public bool IsDefault => string.Equals(Metadata.Annotation(IsDefaultClassAnnotation), "true", StringComparison.Ordinal);
}

public sealed record IngressClassSpec
{
    /// <summary>e.g. <c>k8s.io/ingress-nginx</c>, <c>projectcontour.io/contour</c>.</summary>
    public string Controller { get; init; } = "";
}

using IngressSim.Kubernetes.Diagnostics;

namespace IngressSim.Routing;

public enum RouteKind
{
    Ingress,
    HttpRoute,
}

/// <summary>
/// Which object and rule decided a request: metrics are reported per Ingress / HTTPRoute (as
/// ingress-nginx labels them by <c>ingress</c>), and lint points at <see cref="Location"/>.
/// </summary>
/// <param name="RuleIndex">Index in spec.rules; -1 for an Ingress spec.defaultBackend.</param>
/// <param name="PathIndex">Index in the rule's http.paths (Ingress) or matches (HTTPRoute); -1 when none.</param>
public sealed record RouteOrigin(RouteKind Kind, string Namespace, string Name, int RuleIndex, int PathIndex, SourceLocation Location)
{
    public override string ToString() => $"{Kind} {Namespace}/{Name} rule {RuleIndex} path {PathIndex}";
}

using IngressSim.Kubernetes.Gateway;

namespace IngressSim.Routing.GatewayApi;

internal static class ParentRefs
{
    /// <summary>
    /// Whether <paramref name="parent"/> refers to the Gateway <paramref name="gatewayNamespace"/>/<paramref name="gatewayName"/>
    /// (group and kind default to a Gateway, namespace to the route's own: GW ParentReference).
    /// </summary>
    public static bool Names(this ParentReference parent, HttpRoute route, string gatewayName, string gatewayNamespace) =>
        parent.Group is null or "gateway.networking.k8s.io" && parent.Kind is null or "Gateway"
        && parent.Name == gatewayName && (parent.Namespace ?? route.Metadata.Namespace) == gatewayNamespace;
}

using IngressSim.Engine.Randomness;
using IngressSim.Kubernetes;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Routing.GatewayApi;
using IngressSim.Routing.IngressNginx;

namespace IngressSim.Routing;

/// <summary>
/// A configuration compiled once into lookup tables (host hash → path tables), so routing one request
/// costs a few hash lookups whatever the number of Ingresses or routes. Recompile when the configuration
/// changes, as the controllers themselves do (an nginx reload, an xDS update).
/// </summary>
public abstract class Router
{
    /// <summary>
    /// Compiles what <paramref name="controller"/> serves out of <paramref name="objects"/>. Never throws on
    /// bad configuration: unusable pieces are dropped with a diagnostic, as the controller would drop them.
    /// </summary>
    public static Router Compile(IReadOnlyList<KubernetesObject> objects, ControllerSelection controller, DiagnosticBag? diagnostics = null)
    {
        diagnostics ??= new DiagnosticBag();
        return controller switch
        {
            IngressControllerSelection ingress => IngressNginxRouter.Compile(objects, ingress, diagnostics),
            GatewaySelection gateway => GatewayRouter.Compile(objects, gateway, diagnostics),
            _ => throw new ArgumentOutOfRangeException(nameof(controller), controller, "unknown controller selection"),
        };
    }

    /// <summary>
    /// Routes one request. Weighted choices (canary-weight, backendRef weights) draw from
    /// <paramref name="random"/>, the caller's stream, so runs are reproducible.
    /// </summary>
    public abstract RouteResult Route(in RouteRequest request, RandomStream random);
}

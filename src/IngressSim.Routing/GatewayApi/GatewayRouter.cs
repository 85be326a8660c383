using IngressSim.Engine.Randomness;
using IngressSim.Kubernetes;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Manifests;
using IngressSim.Routing.Matching;

namespace IngressSim.Routing.GatewayApi;

/// <summary>
/// A Gateway's routing (MODEL_FACTS §9, GW apis/v1): scheme → listeners of that protocol; host → the most
/// specific listener (exact, longest wildcard, then no hostname — no fall-through to a less specific one,
/// GW gateway-http-listener-isolation); host → that listener's route table; then the first match by
/// precedence and a weighted backend.
/// </summary>
internal sealed class GatewayRouter : Router
{
    private readonly HostTable<HostTable<RouteTable>>? _http;
    private readonly HostTable<HostTable<RouteTable>>? _https;

    private GatewayRouter(HostTable<HostTable<RouteTable>>? http, HostTable<HostTable<RouteTable>>? https)
    {
        _http = http;
        _https = https;
    }

    public static GatewayRouter Compile(IReadOnlyList<KubernetesObject> objects, GatewaySelection selection, DiagnosticBag diagnostics)
    {
        var gateway = objects.OfType<Kubernetes.Gateway.Gateway>()
            .FirstOrDefault(g => g.Metadata.Name == selection.Name && g.Metadata.Namespace == selection.Namespace);
        if (gateway is null)
        {
            diagnostics.Error(RoutingDiagnosticCodes.GatewayNotFound, $"Gateway {selection.Namespace}/{selection.Name} is not in the manifests",
                MissingGatewayLocation(objects, selection), "select a Gateway the manifests define");
            return new GatewayRouter(null, null);
        }
        var builder = new GatewayBuilder(gateway, new ServiceCatalog(objects), diagnostics);
        builder.AttachRoutes(objects.OfType<Kubernetes.Gateway.HttpRoute>());
        return new GatewayRouter(builder.Build("http"), builder.Build("https"));
    }

    /// <summary>
    /// Where a missing Gateway is reported: a parentRef naming it (the reference that dangles), else the first
    /// Gateway (the names to choose from), else the first object — so the diagnostic names the manifest file.
    /// </summary>
    private static SourceLocation MissingGatewayLocation(IReadOnlyList<KubernetesObject> objects, GatewaySelection selection)
    {
        foreach (var route in objects.OfType<Kubernetes.Gateway.HttpRoute>())
            for (int p = 0; p < route.Spec.ParentRefs.Count; p++)
                if (route.Spec.ParentRefs[p].Names(route, selection.Name, selection.Namespace)) return route.Locate($"spec.parentRefs[{p}]");
        var first = objects.OfType<Kubernetes.Gateway.Gateway>().FirstOrDefault() ?? objects.FirstOrDefault();
        return first?.Source.Start ?? ObjectSource.Unknown.Start;
    }

    public override RouteResult Route(in RouteRequest request, RandomStream random)
    {
        var listeners = string.Equals(request.Scheme, "https", StringComparison.OrdinalIgnoreCase) ? _https : _http;
        var host = HostName.WithoutPort(request.Host);
        var match = listeners?.Find(host)?.Find(host)?.Find(request);
        return match is null ? RouteResult.NotFound : match.Backends.Choose(match.Origin, random);
    }
}

using IngressSim.Engine.Randomness;
using IngressSim.Kubernetes;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Routing.Matching;

namespace IngressSim.Routing.IngressNginx;

/// <summary>
/// ingress-nginx's routing (MODEL_FACTS §2, §9): host → server (exact, then one-label wildcard, else the
/// catch-all), server → location, location → upstream, upstream → canary decision.
/// </summary>
internal sealed class IngressNginxRouter : Router
{
    private readonly HostTable<NginxServer> _servers;

    private IngressNginxRouter(HostTable<NginxServer> servers) => _servers = servers;

    public static IngressNginxRouter Compile(IReadOnlyList<KubernetesObject> objects, IngressControllerSelection controller, DiagnosticBag diagnostics)
    {
        var ingresses = IngressClassFilter.Served(objects, controller);
        var builder = new NginxConfigurationBuilder(new ServiceCatalog(objects), diagnostics);
        // Canaries merge into the mainline servers, so every mainline Ingress goes first (ING createServers
        // skips canaries; mergeAlternativeBackends runs after).
        foreach (var ingress in ingresses)
            if (!NginxAnnotations.IsCanary(ingress)) builder.AddMainline(ingress);
        foreach (var ingress in ingresses)
            if (NginxAnnotations.IsCanary(ingress)) builder.AddCanary(ingress);
        return new IngressNginxRouter(builder.Build());
    }

    public override RouteResult Route(in RouteRequest request, RandomStream random)
    {
        // The catch-all server is always present, so a server is always found.
        var server = _servers.Find(HostName.WithoutPort(request.Host))!;
        var location = server.Match(request.Path);
        return location is null ? RouteResult.NotFound : location.Route(request, random);
    }
}

using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Networking;
using IngressSim.Routing.Matching;

namespace IngressSim.Routing.IngressNginx;

/// <summary>
/// Builds ingress-nginx's servers and upstreams from the served Ingresses, following
/// ING internal/ingress/controller/controller.go (createServers, getBackendServers, mergeAlternativeBackends).
/// </summary>
internal sealed class NginxConfigurationBuilder(ServiceCatalog catalog, DiagnosticBag diagnostics)
{
    /// <summary>Servers by host; "" is the catch-all server "_" (hostless rules, unknown hosts).</summary>
    private readonly Dictionary<string, NginxServerBuilder> _servers = new(StringComparer.OrdinalIgnoreCase) { [""] = new() };
    private readonly Dictionary<BackendTarget, Upstream> _upstreams = [];

    private NginxServerBuilder CatchAll => _servers[""];

    /// <summary>Adds a non-canary Ingress; call for Ingresses oldest first.</summary>
    public void AddMainline(Ingress ingress)
    {
        var defaultLocation = ingress.Spec.DefaultBackend is { } backend ? Location(ingress, backend, -1, -1, "spec.defaultBackend") : null;
        // "Ingress defines a backend but no rule": the first such Ingress becomes the catch-all's default.
        if (ingress.Spec.Rules.Count == 0 && defaultLocation is not null) CatchAll.Default ??= defaultLocation;
        for (int r = 0; r < ingress.Spec.Rules.Count; r++)
        {
            var rule = ingress.Spec.Rules[r];
            string host = rule.Host ?? "";
            // spec.defaultBackend applies only to the hosts of its own Ingress, and only if that Ingress
            // created the server (ING issue #8823, PR #8825): later Ingresses of the host do not change it.
            if (!_servers.TryGetValue(host, out var server))
                _servers[host] = server = new NginxServerBuilder { Default = defaultLocation };
            var paths = rule.Http?.Paths ?? [];
            for (int p = 0; p < paths.Count; p++)
            {
                if (paths[p].Backend is not { } pathBackend) continue;
                server.Declare(NormalizePath(paths[p].Path), NormalizeType(paths[p].PathType),
                    Location(ingress, pathBackend, r, p, $"spec.rules[{r}].http.paths[{p}]"), NginxAnnotations.ForcesRegex(ingress));
            }
        }
    }

    /// <summary>
    /// Merges a canary Ingress into the mainline upstreams of the same host, path and path type; a canary
    /// with no mainline creates no route (ING canary e2e "404 ... if no matching ingress is found").
    /// </summary>
    public void AddCanary(Ingress ingress)
    {
        var policy = CanaryPolicy.Parse(ingress, diagnostics);
        if (ingress.Spec.DefaultBackend?.Service is { } defaultService)
        {
            var canary = new Canary(Upstream(ingress.Metadata.Namespace, defaultService), policy);
            CatchAll.Default?.Upstream?.AttachCanary(canary);
            foreach (var location in CatchAll.Locations) location.Upstream?.AttachCanary(canary);
        }
        for (int r = 0; r < ingress.Spec.Rules.Count; r++)
        {
            var rule = ingress.Spec.Rules[r];
            var paths = rule.Http?.Paths ?? [];
            for (int p = 0; p < paths.Count; p++)
            {
                if (paths[p].Backend?.Service is not { } service) continue;
                var mainline = _servers.GetValueOrDefault(rule.Host ?? "")?.Find(NormalizePath(paths[p].Path), NormalizeType(paths[p].PathType));
                if (mainline is null)
                {
                    diagnostics.Warning(RoutingDiagnosticCodes.CanaryWithoutMainline,
                        $"canary Ingress {ingress.Key}: no mainline Ingress has host '{rule.Host}' path '{paths[p].Path}'; ingress-nginx ignores this canary path",
                        ingress.Locate($"spec.rules[{r}].http.paths[{p}]"), "a canary needs a non-canary Ingress with the same host, path and pathType");
                    continue;
                }
                mainline.Upstream?.AttachCanary(new Canary(Upstream(ingress.Metadata.Namespace, service), policy));
            }
        }
    }

    public HostTable<NginxServer> Build() =>
        new(_servers.Select(s => KeyValuePair.Create(s.Key, s.Value.Build(diagnostics))), WildcardDepth.OneLabel);

    private NginxLocation Location(Ingress ingress, IngressBackend backend, int rule, int path, string field)
    {
        var origin = new RouteOrigin(RouteKind.Ingress, ingress.Metadata.Namespace, ingress.Metadata.Name, rule, path, ingress.Locate(field));
        return new NginxLocation(backend.Service is { } service ? Upstream(ingress.Metadata.Namespace, service) : null, origin);
    }

    private Upstream Upstream(string ns, IngressServiceBackend service)
    {
        var (target, exists) = catalog.Resolve(ns, service.Name, service.Port.Number, service.Port.Name);
        if (!_upstreams.TryGetValue(target, out var upstream)) _upstreams[target] = upstream = new Upstream(target, exists);
        return upstream;
    }

    /// <summary>An empty path means "/" to ingress-nginx.</summary>
    private static string NormalizePath(string? path) => string.IsNullOrEmpty(path) ? "/" : path;

    /// <summary>ImplementationSpecific (and a missing type) is Prefix to ingress-nginx (ING internal/k8s/main.go SetDefaultNGINXPathType).</summary>
    private static PathType NormalizeType(PathType? type) => type == PathType.Exact ? PathType.Exact : PathType.Prefix;
}

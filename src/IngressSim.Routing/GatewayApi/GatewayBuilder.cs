using System.Text.RegularExpressions;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Gateway;
using IngressSim.Routing.Matching;

namespace IngressSim.Routing.GatewayApi;

/// <summary>Attaches HTTPRoutes to a Gateway's listeners and compiles the per-listener, per-hostname route tables.</summary>
internal sealed class GatewayBuilder
{
    private readonly Gateway _gateway;
    private readonly ServiceCatalog _catalog;
    private readonly DiagnosticBag _diagnostics;

    /// <summary>scheme → listener hostname ("" = none) → effective route hostname → matches.</summary>
    private readonly Dictionary<string, Dictionary<string, Dictionary<string, List<CompiledMatch>>>> _listeners = new(StringComparer.Ordinal);

    public GatewayBuilder(Gateway gateway, ServiceCatalog catalog, DiagnosticBag diagnostics)
    {
        _gateway = gateway;
        _catalog = catalog;
        _diagnostics = diagnostics;
        // Every HTTP(S) listener owns its hostname even with no routes: its requests get 404 rather than
        // falling through to a less specific listener.
        foreach (var listener in gateway.Spec.Listeners)
            if (Scheme(listener) is { } scheme) ListenerGroup(scheme, listener);
    }

    public void AttachRoutes(IEnumerable<HttpRoute> routes)
    {
        var ordered = routes
            .OrderBy(r => r.Metadata.CreationTimestamp ?? DateTimeOffset.MaxValue)
            .ThenBy(r => r.Metadata.Namespace, StringComparer.Ordinal)
            .ThenBy(r => r.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        for (int rank = 0; rank < ordered.Count; rank++) Attach(ordered[rank], rank);
    }

    /// <summary>The listeners of one scheme, or null when the Gateway has none (every request 404).</summary>
    public HostTable<HostTable<RouteTable>>? Build(string scheme)
    {
        if (!_listeners.TryGetValue(scheme, out var listeners)) return null;
        return new HostTable<HostTable<RouteTable>>(
            listeners.Select(l => KeyValuePair.Create(l.Key, new HostTable<RouteTable>(
                l.Value.Select(v => KeyValuePair.Create(v.Key, new RouteTable(v.Value))), WildcardDepth.OneOrMoreLabels))),
            WildcardDepth.OneOrMoreLabels);
    }

    private void Attach(HttpRoute route, int rank)
    {
        if (!route.Spec.ParentRefs.Any(p => p.Names(route, _gateway.Metadata.Name, _gateway.Metadata.Namespace))) return; // another Gateway's route
        List<CompiledMatch>? compiled = null;
        var attached = new HashSet<List<CompiledMatch>>(ReferenceEqualityComparer.Instance);
        // How far the route got, for the warning when it attaches nowhere.
        bool listenerMatched = false, namespaceAllowed = false;
        foreach (var listener in _gateway.Spec.Listeners)
        {
            if (Scheme(listener) is not { } scheme || !IsParent(route, listener)) continue;
            listenerMatched = true;
            if (!AllowsNamespace(listener, route)) continue;
            namespaceAllowed = true;
            var hostnames = HostnameIntersection.Effective(listener.Hostname, route.Spec.Hostnames);
            if (hostnames.Count == 0) continue;
            compiled ??= Compile(route, rank);
            var group = ListenerGroup(scheme, listener);
            foreach (var hostname in hostnames)
            {
                if (!group.TryGetValue(hostname, out var matches)) group[hostname] = matches = [];
                // Two listeners can share a hostname (ports 80 and 8080): the route counts once there.
                if (attached.Add(matches)) matches.AddRange(compiled);
            }
        }
        if (compiled is not null) return;
        string reason =
            !listenerMatched ? "no HTTP or HTTPS listener matches its parentRefs (sectionName, port)" :
            !namespaceAllowed ? $"the matching listeners' allowedRoutes do not admit routes from namespace {route.Metadata.Namespace}" :
            "its hostnames do not intersect the matching listeners' hostnames";
        _diagnostics.Warning(RoutingDiagnosticCodes.RouteNotAttached, $"HTTPRoute {route.Key} attaches to no listener of Gateway {_gateway.Key}: {reason}",
            route.Locate("spec.parentRefs"), "check sectionName/port, allowedRoutes.namespaces and that the route's hostnames intersect a listener's hostname");
    }

    private Dictionary<string, List<CompiledMatch>> ListenerGroup(string scheme, Listener listener)
    {
        if (!_listeners.TryGetValue(scheme, out var byHostname))
            _listeners[scheme] = byHostname = new(StringComparer.OrdinalIgnoreCase);
        string key = listener.Hostname ?? "";
        if (!byHostname.TryGetValue(key, out var group)) byHostname[key] = group = new(StringComparer.OrdinalIgnoreCase);
        return group;
    }

    /// <summary>HTTPRoutes attach to HTTP and HTTPS listeners only.</summary>
    private static string? Scheme(Listener listener) => listener.Protocol switch
    {
        "HTTP" => "http",
        "HTTPS" => "https",
        _ => null,
    };

    private bool IsParent(HttpRoute route, Listener listener)
    {
        foreach (var parent in route.Spec.ParentRefs)
        {
            if (parent.Names(route, _gateway.Metadata.Name, _gateway.Metadata.Namespace)
                && (parent.SectionName is null || parent.SectionName == listener.Name)
                && (parent.Port is null || parent.Port == listener.Port))
                return true;
        }
        return false;
    }

    /// <summary>
    /// allowedRoutes.namespaces.from: Same (default) or All. Selector needs Namespace labels the manifests
    /// do not carry, so it is treated as All.
    /// </summary>
    private bool AllowsNamespace(Listener listener, HttpRoute route) =>
        (listener.AllowedRoutes?.Namespaces?.From ?? "Same") != "Same" || route.Metadata.Namespace == _gateway.Metadata.Namespace;

    private List<CompiledMatch> Compile(HttpRoute route, int rank)
    {
        var compiled = new List<CompiledMatch>();
        for (int r = 0; r < route.Spec.Rules.Count; r++)
        {
            var rule = route.Spec.Rules[r];
            var backends = Backends(route, rule);
            // A rule without matches matches everything: one PathPrefix "/" match (GW default).
            IReadOnlyList<HttpRouteMatch> matches = rule.Matches.Count == 0 ? [new HttpRouteMatch()] : rule.Matches;
            for (int m = 0; m < matches.Count; m++)
            {
                var field = rule.Matches.Count == 0 ? $"spec.rules[{r}]" : $"spec.rules[{r}].matches[{m}]";
                var origin = new RouteOrigin(RouteKind.HttpRoute, route.Metadata.Namespace, route.Metadata.Name, r, m, route.Locate(field));
                if (CompileMatch(route, matches[m], backends, origin, rank, field) is { } match) compiled.Add(match);
            }
        }
        return compiled;
    }

    private CompiledMatch? CompileMatch(HttpRoute route, HttpRouteMatch match, WeightedBackends backends, RouteOrigin origin, int rank, string field)
    {
        var path = match.Path ?? new HttpPathMatch();
        if (!Enum.TryParse<HttpPathMatchKind>(path.Type, ignoreCase: false, out var kind)) return null; // reported by the manifest reader
        Regex? pathPattern = null;
        if (kind == HttpPathMatchKind.RegularExpression && (pathPattern = FullMatch(route, path.Value, $"{field}.path.value")) is null) return null;
        var headers = Conditions(route, match.Headers.Select(h => (h.Name, h.Value, h.Type)), StringComparer.OrdinalIgnoreCase, $"{field}.headers");
        var queries = Conditions(route, match.QueryParams.Select(q => (q.Name, q.Value, q.Type)), StringComparer.Ordinal, $"{field}.queryParams");
        if (headers is null || queries is null) return null;
        return new CompiledMatch(kind, path.Value, pathPattern, match.Method, headers, queries, backends, origin, rank);
    }

    /// <summary>
    /// Header or query conditions; of several with an equivalent name only the first counts (GW
    /// HTTPRouteMatch.Headers/QueryParams). Null when a regex does not compile (the match is dropped).
    /// </summary>
    private ValueCondition[]? Conditions(HttpRoute route, IEnumerable<(string Name, string Value, string Type)> entries, StringComparer names, string field)
    {
        var seen = new HashSet<string>(names);
        var conditions = new List<ValueCondition>();
        foreach (var (name, value, type) in entries)
        {
            if (!seen.Add(name)) continue;
            Regex? pattern = null;
            if (type == "RegularExpression" && (pattern = FullMatch(route, value, field)) is null) return null;
            conditions.Add(new ValueCondition(name, value, pattern));
        }
        return conditions.ToArray();
    }

    /// <summary>Envoy matches GW regexes against the whole value (RE2 safe_regex full match), hence the anchors.</summary>
    private Regex? FullMatch(HttpRoute route, string pattern, string field)
    {
        var regex = RegexFactory.TryCreate($"^(?:{pattern})$", RegexOptions.None, out string? error);
        if (regex is null)
            _diagnostics.Warning(RoutingDiagnosticCodes.InvalidRegex, $"HTTPRoute {route.Key}: '{pattern}' is not a valid regex: {error}",
                route.Locate(field), "the match is dropped, as a controller marks the route not Accepted");
        return regex;
    }

    private WeightedBackends Backends(HttpRoute route, HttpRouteRule rule)
    {
        var backends = new (BackendTarget?, bool, int)[rule.BackendRefs.Count];
        for (int b = 0; b < backends.Length; b++)
        {
            var reference = rule.BackendRefs[b];
            int weight = reference.Weight ?? 1;
            bool isService = reference.Group is null or "" && reference.Kind is null or "Service";
            if (!isService || reference.Port is null)
            {
                backends[b] = (null, false, weight);
                continue;
            }
            // ReferenceGrant is not modelled: a cross-namespace Service reference is taken as granted.
            var (target, exists) = _catalog.Resolve(reference.Namespace ?? route.Metadata.Namespace, reference.Name, reference.Port, null);
            backends[b] = (target, exists, weight);
        }
        return new WeightedBackends(backends);
    }
}

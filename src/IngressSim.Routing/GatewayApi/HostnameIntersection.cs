using IngressSim.Routing.Matching;

namespace IngressSim.Routing.GatewayApi;

/// <summary>
/// The hostnames an HTTPRoute serves on a listener (GW HTTPRouteSpec.Hostnames): a route hostname covered
/// by the listener's is kept, a listener hostname covered by a route wildcard is used instead, the rest
/// drop out. Wildcards match one or more labels.
/// </summary>
internal static class HostnameIntersection
{
    /// <summary>Effective hostnames ("" = any host); empty when nothing intersects (the route is not accepted there).</summary>
    public static List<string> Effective(string? listenerHostname, IReadOnlyList<string> routeHostnames)
    {
        if (routeHostnames.Count == 0) return [listenerHostname ?? ""];
        var result = new List<string>();
        foreach (var routeHostname in routeHostnames)
        {
            string? effective = listenerHostname is null || Covers(listenerHostname, routeHostname) ? routeHostname
                : Covers(routeHostname, listenerHostname) ? listenerHostname
                : null;
            if (effective is not null && !result.Contains(effective, StringComparer.OrdinalIgnoreCase)) result.Add(effective);
        }
        return result;
    }

    /// <summary>True when every host <paramref name="hostname"/> stands for also matches <paramref name="pattern"/>.</summary>
    private static bool Covers(string pattern, string hostname)
    {
        if (string.Equals(pattern, hostname, StringComparison.OrdinalIgnoreCase)) return true;
        if (!HostName.IsWildcard(pattern)) return false;
        // "*.a.example.com" stands for names ending in ".a.example.com": covered when "a.example.com" is.
        var names = HostName.IsWildcard(hostname) ? hostname.AsSpan(2) : hostname.AsSpan();
        return HostName.MatchesWildcard(names, pattern.AsSpan(2), singleLabel: false);
    }
}

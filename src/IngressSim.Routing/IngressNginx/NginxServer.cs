using System.Text.RegularExpressions;
using IngressSim.Routing.Matching;

namespace IngressSim.Routing.IngressNginx;

/// <summary>
/// One nginx <c>server</c> block (a host) compiled for lookup. Normal mode follows the Ingress spec: an
/// exact-path map, then element-wise longest prefix by hashing each element prefix of the request path,
/// then the server's default. Regex mode follows ingress-nginx: every location becomes a case-insensitive
/// regex anchored only at the start, tried in order, first match wins (ING template.go buildLocation).
/// </summary>
internal sealed class NginxServer
{
    private readonly Dictionary<string, NginxLocation>.AlternateLookup<ReadOnlySpan<char>> _exact;
    private readonly Dictionary<string, NginxLocation>.AlternateLookup<ReadOnlySpan<char>> _prefixes;
    private readonly (Regex Pattern, NginxLocation Location)[]? _regexLocations;
    private readonly NginxLocation? _default;

    public NginxServer(Dictionary<string, NginxLocation> exact, Dictionary<string, NginxLocation> prefixes,
        (Regex, NginxLocation)[]? regexLocations, NginxLocation? defaultLocation)
    {
        _exact = exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixes = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        _regexLocations = regexLocations;
        _default = defaultLocation;
    }

    /// <summary>The location for <paramref name="path"/>, or null for the controller's default backend (404).</summary>
    public NginxLocation? Match(ReadOnlySpan<char> path)
    {
        if (_regexLocations is not null)
        {
            foreach (var (pattern, location) in _regexLocations)
                if (pattern.IsMatch(path)) return location;
            return _default;
        }
        if (_exact.TryGetValue(path, out var exact)) return exact;
        var candidate = PathPrefix.First(path);
        do
        {
            if (_prefixes.TryGetValue(candidate, out var prefix)) return prefix;
        } while (PathPrefix.Next(ref candidate));
        return _default;
    }
}

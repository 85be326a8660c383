using IngressSim.Routing.Matching;

namespace IngressSim.Routing.GatewayApi;

/// <summary>
/// The routes of one hostname on one listener (an Envoy virtual host). Exact paths and element-wise
/// prefixes are hash tables whose buckets are sorted by the remaining precedence, so the first bucket
/// entry whose conditions hold wins. Regex paths, whose precedence GW leaves to the implementation, are
/// tried after Exact and before PathPrefix, longest pattern first (as Envoy Gateway orders them).
/// </summary>
internal sealed class RouteTable
{
    private readonly Dictionary<string, CompiledMatch[]>.AlternateLookup<ReadOnlySpan<char>> _exact;
    private readonly Dictionary<string, CompiledMatch[]>.AlternateLookup<ReadOnlySpan<char>> _prefixes;
    private readonly CompiledMatch[] _regexes;

    public RouteTable(IEnumerable<CompiledMatch> matches)
    {
        var sorted = matches.ToList();
        sorted.Sort(CompiledMatch.Precedence);
        _exact = Buckets(sorted, HttpPathMatchKind.Exact, m => m.PathValue).GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixes = Buckets(sorted, HttpPathMatchKind.PathPrefix, m => PathPrefix.Key(m.PathValue)).GetAlternateLookup<ReadOnlySpan<char>>();
        _regexes = sorted.Where(m => m.PathKind == HttpPathMatchKind.RegularExpression).ToArray();
    }

    public CompiledMatch? Find(in RouteRequest request)
    {
        var path = request.Path;
        if (_exact.TryGetValue(path, out var exact) && First(exact, request) is { } byExact) return byExact;
        foreach (var match in _regexes)
            if (match.PathPattern!.IsMatch(path) && match.AcceptsConditions(request)) return match;
        var candidate = PathPrefix.First(path);
        do
        {
            if (_prefixes.TryGetValue(candidate, out var bucket) && First(bucket, request) is { } byPrefix) return byPrefix;
        } while (PathPrefix.Next(ref candidate));
        return null;
    }

    private static CompiledMatch? First(CompiledMatch[] bucket, in RouteRequest request)
    {
        foreach (var match in bucket)
            if (match.AcceptsConditions(request)) return match;
        return null;
    }

    /// <summary>Matches of one path kind grouped by key; grouping keeps the precedence order of <paramref name="sorted"/>.</summary>
    private static Dictionary<string, CompiledMatch[]> Buckets(List<CompiledMatch> sorted, HttpPathMatchKind kind, Func<CompiledMatch, string> key) =>
        sorted.Where(m => m.PathKind == kind)
            .GroupBy(key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.Ordinal);
}

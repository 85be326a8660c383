using System.Text.RegularExpressions;

namespace IngressSim.Routing.GatewayApi;

/// <summary>A header or query condition: exact value (case-sensitive) or a full-match regex.</summary>
internal readonly record struct ValueCondition(string Name, string Value, Regex? Pattern)
{
    public bool Accepts(ReadOnlySpan<char> actual) =>
        Pattern is null ? actual.SequenceEqual(Value) : Pattern.IsMatch(actual);
}

internal enum HttpPathMatchKind
{
    Exact,
    PathPrefix,
    RegularExpression,
}

/// <summary>
/// One HTTPRouteMatch compiled: its path (checked by the table that holds it; a regex by itself), the
/// method, header and query conditions, and what its rule forwards to.
/// </summary>
internal sealed class CompiledMatch(
    HttpPathMatchKind pathKind, string pathValue, Regex? pathPattern, string? method,
    ValueCondition[] headers, ValueCondition[] queryParams, WeightedBackends backends, RouteOrigin origin, int routeRank)
{
    public HttpPathMatchKind PathKind { get; } = pathKind;
    public string PathValue { get; } = pathValue;
    public Regex? PathPattern { get; } = pathPattern;
    public WeightedBackends Backends { get; } = backends;
    public RouteOrigin Origin { get; } = origin;

    /// <summary>
    /// GW HTTPRouteRule precedence among matches whose paths both match: longer path, then a method match,
    /// more header matches, more query matches; then the older route (<paramref name="routeRank"/>, from
    /// creationTimestamp and namespace/name), then rule order, then match order.
    /// </summary>
    public static int Precedence(CompiledMatch a, CompiledMatch b)
    {
        int c = b.PathValue.Length.CompareTo(a.PathValue.Length);
        if (c == 0) c = (b.Method is not null).CompareTo(a.Method is not null);
        if (c == 0) c = b.Headers.Length.CompareTo(a.Headers.Length);
        if (c == 0) c = b.QueryParams.Length.CompareTo(a.QueryParams.Length);
        if (c == 0) c = a.RouteRank.CompareTo(b.RouteRank);
        if (c == 0) c = a.Origin.RuleIndex.CompareTo(b.Origin.RuleIndex);
        if (c == 0) c = a.Origin.PathIndex.CompareTo(b.Origin.PathIndex);
        return c;
    }

    private string? Method { get; } = method;
    private ValueCondition[] Headers { get; } = headers;
    private ValueCondition[] QueryParams { get; } = queryParams;
    private int RouteRank { get; } = routeRank;

    /// <summary>Method, headers and query parameters; all must hold (the path was checked already).</summary>
    public bool AcceptsConditions(in RouteRequest request)
    {
        if (Method is not null && !string.Equals(request.Method, Method, StringComparison.Ordinal)) return false;
        foreach (var header in Headers)
            if (request.Header(header.Name) is not { } value || !header.Accepts(value)) return false;
        if (QueryParams.Length > 0)
        {
            var query = request.Query;
            foreach (var param in QueryParams)
                if (!QueryString.TryGet(query, param.Name, out var value) || !param.Accepts(value)) return false;
        }
        return true;
    }
}

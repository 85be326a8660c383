namespace IngressSim.Routing;

/// <summary>
/// What the router sees of one HTTP request. A struct passed by <c>in</c> and holding only references the
/// caller owns (header and cookie arrays can be reused across requests), so routing allocates nothing.
/// </summary>
public readonly struct RouteRequest
{
    public RouteRequest() { }

    /// <summary>The Host header (or :authority); a port suffix is ignored, as RFC 9110 §7.2 and GW require.</summary>
    public string Host { get; init; } = "";

    /// <summary>The raw request target: path with optional <c>?query</c>.</summary>
    public string Target { get; init; } = "/";

    public string Method { get; init; } = "GET";

    /// <summary>http or https: picks the Gateway listeners of that protocol.</summary>
    public string Scheme { get; init; } = "http";

    public ReadOnlyMemory<HttpField> Headers { get; init; }

    /// <summary>Cookies already split from the Cookie header.</summary>
    public ReadOnlyMemory<HttpField> Cookies { get; init; }

    /// <summary>The path part of <see cref="Target"/> (before <c>?</c> or <c>#</c>).</summary>
    public ReadOnlySpan<char> Path
    {
        get
        {
            var target = Target.AsSpan();
            int end = target.IndexOfAny('?', '#');
            return end < 0 ? target : target[..end];
        }
    }

    /// <summary>The query part of <see cref="Target"/> without the <c>?</c> (empty when none).</summary>
    public ReadOnlySpan<char> Query
    {
        get
        {
            var target = Target.AsSpan();
            int start = target.IndexOf('?');
            if (start < 0) return default;
            var query = target[(start + 1)..];
            int fragment = query.IndexOf('#');
            return fragment < 0 ? query : query[..fragment];
        }
    }

    /// <summary>The first header named <paramref name="name"/> (names are case-insensitive, RFC 9110 §5.1), or null.</summary>
    public string? Header(string name) => Find(Headers.Span, name);

    /// <summary>
    /// The first cookie named <paramref name="name"/>, or null. Compared case-insensitively because nginx's
    /// <c>$cookie_NAME</c> lookup does (ngx_http_parse_multi_header_lines uses ngx_strncasecmp), and the
    /// canary cookie is read through it.
    /// </summary>
    public string? Cookie(string name) => Find(Cookies.Span, name);

    private static string? Find(ReadOnlySpan<HttpField> fields, string name)
    {
        foreach (ref readonly var field in fields)
            if (string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase)) return field.Value;
        return null;
    }
}

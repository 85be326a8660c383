namespace IngressSim.Routing.Matching;

/// <summary>Host header handling shared by the Ingress and Gateway routers.</summary>
internal static class HostName
{
    /// <summary>The host without a port (<c>a.com:8080</c>, <c>[::1]:80</c>); hosts compare case-insensitively (RFC 3986 §3.2.2).</summary>
    public static ReadOnlySpan<char> WithoutPort(ReadOnlySpan<char> host)
    {
        if (host.Length > 0 && host[0] == '[')
        {
            int close = host.IndexOf(']');
            return close < 0 ? host : host[..(close + 1)];
        }
        int colon = host.LastIndexOf(':');
        return colon < 0 ? host : host[..colon];
    }

    public static bool IsWildcard(string host) => host.StartsWith("*.", StringComparison.Ordinal);

    /// <summary>
    /// True when <paramref name="host"/> ends in <c>.</c> + <paramref name="suffix"/> with at least one label
    /// before it; <paramref name="singleLabel"/> demands exactly one (Ingress) rather than one or more (GW).
    /// </summary>
    public static bool MatchesWildcard(ReadOnlySpan<char> host, ReadOnlySpan<char> suffix, bool singleLabel)
    {
        int labelsLength = host.Length - suffix.Length - 1;
        if (labelsLength < 1 || host[labelsLength] != '.' || !host[(labelsLength + 1)..].Equals(suffix, StringComparison.OrdinalIgnoreCase))
            return false;
        return !singleLabel || host[..labelsLength].IndexOf('.') < 0;
    }
}

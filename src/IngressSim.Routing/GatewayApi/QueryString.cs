namespace IngressSim.Routing.GatewayApi;

/// <summary>Finds a query parameter in a raw query without allocating; names and values compare as written (not decoded).</summary>
internal static class QueryString
{
    /// <summary>The value of the first parameter named <paramref name="name"/> (GW: the first one counts when repeated).</summary>
    public static bool TryGet(ReadOnlySpan<char> query, string name, out ReadOnlySpan<char> value)
    {
        while (query.Length > 0)
        {
            int amp = query.IndexOf('&');
            var pair = amp < 0 ? query : query[..amp];
            int eq = pair.IndexOf('=');
            var key = eq < 0 ? pair : pair[..eq];
            if (key.SequenceEqual(name))
            {
                value = eq < 0 ? ReadOnlySpan<char>.Empty : pair[(eq + 1)..];
                return true;
            }
            query = amp < 0 ? ReadOnlySpan<char>.Empty : query[(amp + 1)..];
        }
        value = default;
        return false;
    }
}

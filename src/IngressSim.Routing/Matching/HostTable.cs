namespace IngressSim.Routing.Matching;

public enum WildcardDepth
{
    /// <summary><c>*.foo.com</c> matches exactly one extra label (Ingress v1 spec; ingress-nginx <c>[\w-]+</c>).</summary>
    OneLabel,

    /// <summary><c>*.foo.com</c> matches one or more labels (Gateway API Hostname).</summary>
    OneOrMoreLabels,
}

/// <summary>
/// Host → entry in at most a few hash lookups: an exact-host map, then wildcard entries keyed by their
/// suffix (tried from the longest suffix, so the most specific wildcard wins), then the entry for
/// "any host". Names compare case-insensitively.
/// </summary>
internal sealed class HostTable<T> where T : class
{
    private readonly Dictionary<string, T> _exact;
    private readonly Dictionary<string, T> _wildcards;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _exactLookup;
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _wildcardLookup;
    private readonly T? _anyHost;
    private readonly WildcardDepth _depth;

    /// <param name="entries">Keys are host names, <c>*.suffix</c> wildcards, or "" for any host.</param>
    public HostTable(IEnumerable<KeyValuePair<string, T>> entries, WildcardDepth depth)
    {
        _depth = depth;
        _exact = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        _wildcards = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var (host, entry) in entries)
        {
            if (host.Length == 0) _anyHost = entry;
            else if (HostName.IsWildcard(host)) _wildcards.Add(host[2..], entry);
            else _exact.Add(host, entry);
        }
        _exactLookup = _exact.GetAlternateLookup<ReadOnlySpan<char>>();
        _wildcardLookup = _wildcards.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The entry for <paramref name="host"/> (already without port), or null.</summary>
    public T? Find(ReadOnlySpan<char> host)
    {
        if (host.Length > 0 && _exactLookup.TryGetValue(host, out var exact)) return exact;
        if (_wildcards.Count > 0)
        {
            for (int dot = host.IndexOf('.'); dot >= 0; )
            {
                if (_wildcardLookup.TryGetValue(host[(dot + 1)..], out var wildcard)) return wildcard;
                if (_depth == WildcardDepth.OneLabel) break;
                int next = host[(dot + 1)..].IndexOf('.');
                dot = next < 0 ? -1 : dot + 1 + next;
            }
        }
        return _anyHost;
    }
}

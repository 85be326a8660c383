namespace IngressSim.Routing.Matching;

/// <summary>
/// Element-wise path prefixes (Ingress Prefix, GW PathPrefix): <c>/foo/bar</c> matches <c>/foo/bar</c>,
/// <c>/foo/bar/</c> and <c>/foo/bar/baz</c> but not <c>/foo/barbaz</c>; a trailing slash on either side
/// is ignored (WEB ingress.md "Path types" examples table). A prefix is stored as its key (trailing slashes
/// removed, "/" becomes ""), and a request is matched by looking up each of its own element prefixes, longest
/// first, in a hash table: O(path depth) whatever the number of routes.
/// </summary>
internal static class PathPrefix
{
    public static string Key(string prefix) => prefix.TrimEnd('/');

    /// <summary>The longest element prefix of <paramref name="path"/>: the path without trailing slashes.</summary>
    public static ReadOnlySpan<char> First(ReadOnlySpan<char> path) => path.TrimEnd('/');

    /// <summary>Shortens <paramref name="candidate"/> by one element; false once the root ("") was returned.</summary>
    public static bool Next(ref ReadOnlySpan<char> candidate)
    {
        if (candidate.Length == 0) return false;
        int slash = candidate.LastIndexOf('/');
        candidate = slash <= 0 ? ReadOnlySpan<char>.Empty : candidate[..slash].TrimEnd('/');
        return true;
    }
}

namespace IngressSim.Scenarios.Binding;

/// <summary>"Did you mean ...?" from the edit distance between what was written and what is known.</summary>
public static class Suggestions
{
    /// <summary>The closest candidate within a third of the word's length (at least 2 edits), or null.</summary>
    public static string? Closest(string written, IEnumerable<string> candidates)
    {
        // Garbled keys can be long; nothing sensible is that far from a field name.
        if (written.Length > 64) return null;
        int budget = Math.Max(2, written.Length / 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            int distance = Distance(written.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= budget ? best : null;
    }

    public static string Hint(string written, IReadOnlyCollection<string> candidates) =>
        Closest(written, candidates) is { } match
            ? $"did you mean '{match}'?"
            : candidates.Count == 0 ? "remove it" : $"expected one of: {string.Join(", ", candidates.Take(12))}{(candidates.Count > 12 ? ", ..." : "")}";

    /// <summary>Optimal string alignment distance: Levenshtein plus transposition (the commonest typo).</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        for (int j = 1; j <= b.Length; j++)
        {
            int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
        }
        return d[a.Length, b.Length];
    }
}

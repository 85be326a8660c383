using IngressSim.Kubernetes.Diagnostics;

namespace IngressSim.Kubernetes.Manifests;

/// <summary>
/// Where an object was written: the start of its document (or <c>kind: List</c> item) and the value of
/// each of its fields, keyed by path (<c>spec.rules[0].host</c>), so lint can point at the exact field.
/// </summary>
public sealed class ObjectSource
{
    public static readonly ObjectSource Unknown = new(new SourceLocation("", 0, 0), new Dictionary<string, SourceLocation>(StringComparer.Ordinal));

    private readonly Dictionary<string, SourceLocation> _fields;

    public ObjectSource(SourceLocation start, Dictionary<string, SourceLocation> fields)
    {
        Start = start;
        _fields = fields;
    }

    public SourceLocation Start { get; }

    public IReadOnlyDictionary<string, SourceLocation> Fields => _fields;

    /// <summary>
    /// The location of <paramref name="fieldPath"/>, or of its nearest written ancestor (a missing field is
    /// best reported at the object that lacks it), or the object start.
    /// </summary>
    public SourceLocation Locate(string fieldPath)
    {
        var path = fieldPath.AsSpan();
        var lookup = _fields.GetAlternateLookup<ReadOnlySpan<char>>();
        while (path.Length > 0)
        {
            if (lookup.TryGetValue(path, out var at)) return at;
            int cut = path.LastIndexOfAny('.', '[');
            if (cut < 0) break;
            path = path[..cut];
        }
        return Start;
    }
}

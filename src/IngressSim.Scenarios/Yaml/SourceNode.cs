using IngressSim.Kubernetes.Diagnostics;

namespace IngressSim.Scenarios.Yaml;

/// <summary>
/// A YAML node that remembers where it was written. The loader substitutes parameters and applies
/// variant overlays on these trees before binding them to typed records, so every error — even one
/// in a value that came from <c>--param</c> or a variant — points at a line and column.
/// </summary>
public abstract record SourceNode(SourceLocation Location)
{
    /// <summary>Number of nodes in this subtree, counting shared (aliased) subtrees each time: what walking it costs.</summary>
    public abstract long Size { get; }

    public abstract string KindName { get; }
}

/// <summary>A scalar's text. <paramref name="Origin"/> names a parameter or variant the text came from, for error messages.</summary>
public sealed record ScalarNode(string Value, bool IsPlain, SourceLocation Location, string? Origin = null) : SourceNode(Location)
{
    /// <summary>YAML 1.2 core schema null: <c>~</c>, <c>null</c> or nothing, unquoted.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>A literal (<c>|</c>) or folded (<c>&gt;</c>) block: its content starts on the line after <see cref="SourceNode.Location"/>.</summary>
    public bool IsBlock { get; init; }

    public override long Size => 1;
    public override string KindName => "a scalar";
}

public sealed record MappingNode(IReadOnlyList<MappingEntry> Entries, SourceLocation Location) : SourceNode(Location)
{
    private readonly long _size = 1 + Entries.Sum(e => 1 + e.Value.Size);

    public override long Size => _size;
    public override string KindName => "a mapping";

    public MappingEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key.Value == key);

    public SourceNode? this[string key] => Find(key)?.Value;
}

public sealed record MappingEntry(ScalarNode Key, SourceNode Value);

public sealed record SequenceNode(IReadOnlyList<SourceNode> Items, SourceLocation Location) : SourceNode(Location)
{
    private readonly long _size = 1 + Items.Sum(i => i.Size);

    public override long Size => _size;
    public override string KindName => "a list";
}

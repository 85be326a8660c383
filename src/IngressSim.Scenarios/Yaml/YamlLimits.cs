namespace IngressSim.Scenarios.Yaml;

/// <summary>
/// Bounds that keep a hostile or mistaken file from exhausting memory or time: checked while
/// reading, before anything walks the tree (TOOLCHAIN.md: alias bombs and self-aliases).
/// </summary>
public sealed record YamlLimits
{
    /// <summary>Largest file read, 4 MiB: far above any hand-written scenario or a <c>kubectl get -o yaml</c> of a big namespace.</summary>
    public long MaxFileBytes { get; init; } = 4L << 20;

    /// <summary>Deepest nesting of mappings and lists; Kubernetes objects need about 12.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Most nodes after expanding aliases; a 4 MiB file has at most ~1M scalars, an alias bomb far more.</summary>
    public long MaxExpandedNodes { get; init; } = 1_000_000;

    public static YamlLimits Default { get; } = new();
}

namespace IngressSim.Kubernetes.Diagnostics;

/// <summary>Where something was written: file, 1-based line and column (0 when unknown).</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public static SourceLocation InFile(string file) => new(file, 0, 0);

    public override string ToString() =>
        Line > 0 ? $"{File}:{Line}:{Column}" : File;
}

namespace IngressSim.Experiments.Tests.Sweeps;

/// <summary>Compares output folders file by file, byte for byte (also linked into the CLI tests).</summary>
internal static class FolderBytes
{
    /// <summary>Every file below <paramref name="root"/> by relative path, with its bytes.</summary>
    public static SortedDictionary<string, byte[]> Files(string root) =>
        new(Directory.GetFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes), StringComparer.Ordinal);

    public static void AssertSame(string expected, string actual)
    {
        var a = Files(expected);
        var b = Files(actual);
        Assert.Equal(a.Keys, b.Keys);
        foreach (var (file, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[file]), $"{file} differs");
    }
}

using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Manifests;

namespace IngressSim.Scenarios.Loading;

/// <summary>
/// Calls the Kubernetes <see cref="ManifestReader"/> so that bad input can never escape as an
/// exception from the scenario loader or <c>validate</c>. Known escapes at the time of writing:
/// YamlDotNet's scanner throws InvalidOperationException on some malformed flow collections
/// (<c>b: [1, 2\nc: 3</c>), and null-valued sections (<c>metadata: ~</c>, <c>spec: ~</c>,
/// <c>rules: [~]</c>) reach the reader's validator as null. Both become a located-at-file error.
/// </summary>
public static class GuardedManifestReader
{
    public static ManifestSet ReadFile(string path) => Guard(() => ManifestReader.ReadFile(path), path);

    public static ManifestSet ReadText(string text, string file, int lineOffset = 0, int columnOffset = 0) =>
        Guard(() => ManifestReader.ReadText(text, file, lineOffset, columnOffset), file);

    private static ManifestSet Guard(Func<ManifestSet> read, string file)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is InvalidOperationException or NullReferenceException)
        {
            return new ManifestSet([], [Diagnostic.Error(ScenarioCodes.ManifestUnreadable,
                $"the manifests could not be read ({ex.GetType().Name}: {ex.Message})", SourceLocation.InFile(file),
                "look for a null section (e.g. 'spec: ~' or an empty '-' item) or an unclosed bracket")]);
        }
    }
}

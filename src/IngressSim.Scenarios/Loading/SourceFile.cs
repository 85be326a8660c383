using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Loading;

/// <summary>Reads a file the user named, refusing missing, unreadable and oversized files with a located error.</summary>
public static class SourceFile
{
    /// <summary>A file named on the command line: a relative path is resolved from the current directory.</summary>
    public static string? ReadArgument(string path, YamlLimits limits, DiagnosticBag diagnostics) =>
        Read(path, limits, diagnostics, SourceLocation.InFile(path),
            $"looked for {Path.GetFullPath(path)} (a relative path is resolved from the current directory)");

    /// <summary>A file a scenario names, at <paramref name="path"/> already resolved against the scenario's folder.</summary>
    /// <param name="referencedAt">The scenario line that names it.</param>
    public static string? ReadReferenced(string path, YamlLimits limits, DiagnosticBag diagnostics, SourceLocation referencedAt) =>
        Read(path, limits, diagnostics, referencedAt, "paths are relative to the scenario file's folder");

    private static string? Read(string path, YamlLimits limits, DiagnosticBag diagnostics, SourceLocation referencedAt, string notFoundHint)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                diagnostics.Error(ScenarioCodes.FileNotFound, $"file not found: {path}", referencedAt, notFoundHint);
                return null;
            }
            if (info.Length > limits.MaxFileBytes)
            {
                diagnostics.Error(ScenarioCodes.FileTooLarge, $"{path} is {info.Length:N0} bytes, over the {limits.MaxFileBytes:N0}-byte limit",
                    referencedAt, "split it into smaller files");
                return null;
            }
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Error(ScenarioCodes.FileNotFound, $"cannot read {path}: {ex.Message}", referencedAt, "check the path and its permissions");
            return null;
        }
    }
}

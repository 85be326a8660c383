using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Loading;

/// <summary>Reads a file the user named, refusing missing, unreadable and oversized files with a located error.</summary>
public static class SourceFile
{
    /// <param name="referencedAt">Where the file was named (the scenario line, or the file itself for a command-line argument).</param>
    public static string? Read(string path, YamlLimits limits, DiagnosticBag diagnostics, SourceLocation referencedAt)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                diagnostics.Error(ScenarioCodes.FileNotFound, $"file not found: {path}", referencedAt,
                    "paths are relative to the scenario file's folder");
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

using IngressSim.Kubernetes.Manifests;
using IngressSim.Scenarios.Lint;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Sweeps;

namespace IngressSim.Scenarios.Validation;

/// <summary>
/// What <c>ingress-sim validate FILE...</c> does: each file is loaded as a scenario or a sweep (when it
/// declares <c>apiVersion: ingresssim.dev/...</c>) or read as plain Kubernetes manifests, then linted.
/// Lint runs only on what loaded without errors, so findings are not echoes of a broken file.
/// </summary>
public static class ValidationRun
{
    public static ValidationReport Validate(IEnumerable<string> paths, ScenarioLoadOptions? options = null)
    {
        var files = paths.ToList();
        var diagnostics = new List<Kubernetes.Diagnostics.Diagnostic>();
        foreach (var path in files)
            diagnostics.AddRange(!IsScenario(path) ? ValidateManifests(path)
                : IsSweep(path) ? SweepLoader.Load(path, options?.Parameters).Diagnostics
                : ValidateScenario(path, options));
        return new ValidationReport(files, diagnostics);
    }

    private static IEnumerable<Kubernetes.Diagnostics.Diagnostic> ValidateScenario(string path, ScenarioLoadOptions? options)
    {
        var result = ScenarioLoader.Load(path, options);
        return result.Scenario is { } scenario ? WithLint(scenario, result.Diagnostics) : result.Diagnostics;
    }

    /// <summary>What validate reports for a scenario already loaded: the loader's diagnostics, then lint's.</summary>
    public static IReadOnlyList<Kubernetes.Diagnostics.Diagnostic> WithLint(LoadedScenario scenario, IEnumerable<Kubernetes.Diagnostics.Diagnostic> loadDiagnostics) =>
        [.. loadDiagnostics, .. ScenarioLinter.Lint(new LintContext(scenario.Manifests, scenario))];

    private static IEnumerable<Kubernetes.Diagnostics.Diagnostic> ValidateManifests(string path)
    {
        var set = ManifestReader.ReadFile(path);
        return set.HasErrors ? set.Diagnostics : [.. set.Diagnostics, .. ScenarioLinter.Lint(new LintContext(set))];
    }

    /// <summary>A sweep file says <c>kind: Sweep</c> at the top level; it loads its scenario at every point of its grid.</summary>
    private static bool IsSweep(string path)
    {
        try
        {
            return File.ReadLines(path).Take(200).FirstOrDefault(line => line.StartsWith("kind:", StringComparison.Ordinal)) is { } kind
                && kind["kind:".Length..].Trim() == SweepDocument.SweepKind;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return false; // the scenario loader reports the unreadable file
        }
    }

    /// <summary>A scenario declares our apiVersion; anything else is treated as Kubernetes manifests.</summary>
    private static bool IsScenario(string path)
    {
        try
        {
            using var reader = new StreamReader(path);
            for (int i = 0; i < 200 && reader.ReadLine() is { } line; i++)
                if (line.TrimStart().StartsWith("apiVersion:", StringComparison.Ordinal))
                    return line.Contains("ingresssim.dev/", StringComparison.Ordinal);
            return false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return true; // the scenario loader reports the unreadable file with its own message
        }
    }
}

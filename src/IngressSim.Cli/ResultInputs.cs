using System.Text;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Reporting;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Validation;

namespace IngressSim.Cli;

/// <summary>
/// What run and compare keep beside their results so the report can show them later: the scenario file
/// (a byte copy of the main file; manifests it references are not copied) and its loader and lint
/// diagnostics as <c>validate --format json</c> prints them.
/// </summary>
public static class ResultInputs
{
    public static IReadOnlyList<InputFile> Of(LoadedScenario scenario, IEnumerable<Diagnostic> loadDiagnostics)
    {
        var validation = new ValidationReport([scenario.SourcePath], ValidationRun.WithLint(scenario, loadDiagnostics));
        return
        [
            new InputFile(InputFile.Scenario, File.ReadAllBytes(scenario.SourcePath)),
            new InputFile(InputFile.Diagnostics, Encoding.UTF8.GetBytes(DiagnosticFormatter.Json(validation))),
        ];
    }
}

using IngressSim.Kubernetes.Diagnostics;

namespace IngressSim.Scenarios.Validation;

/// <summary>Everything <c>validate</c> found in its files; valid when there is no error (warnings allowed).</summary>
public sealed record ValidationReport(IReadOnlyList<string> Files, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool IsValid => !Diagnostics.Any(d => d.Severity == Severity.Error);
    public int Errors => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int Warnings => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

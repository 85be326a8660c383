using IngressSim.Kubernetes.Diagnostics;

namespace IngressSim.Scenarios.Loading;

/// <summary>A loaded scenario when there were no errors, and every diagnostic found (warnings too) either way.</summary>
public sealed record ScenarioLoadResult(LoadedScenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Scenario is not null;
}

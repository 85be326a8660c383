using IngressSim.Kubernetes.Diagnostics;

namespace IngressSim.Scenarios.Lint;

/// <summary>One check over a cluster's objects (and the scenario around them, when there is one).</summary>
public interface ILintRule
{
    string Code { get; }

    /// <summary>A short name for the rule, e.g. in SARIF's rule list.</summary>
    string Title { get; }

    Severity Severity { get; }

    IEnumerable<Diagnostic> Check(LintContext context);
}

using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Lint.Rules;

namespace IngressSim.Scenarios.Lint;

/// <summary>Runs every lint rule over a cluster's objects (and its scenario) and returns all findings, ordered by position.</summary>
public static class ScenarioLinter
{
    public static IReadOnlyList<ILintRule> Rules { get; } =
    [
        new NoControllerForClass(), new MissingIngressClassName(), new SeveralDefaultClasses(), new TlsSecretNotFound(),
        new BackendServiceMissing(), new BackendPortNotExposed(), new HeadlessBackend(), new SingleControllerReplica(),
        new ReplicasWithoutAntiAffinity(), new LongLivedTimeout(), new ExactPathSubpaths(), new NetworkPolicyBlocksController(),
        new DuplicateHostPath(), new AnnotationValue(),
    ];

    public static IReadOnlyList<Diagnostic> Lint(LintContext context) =>
        Rules.SelectMany(rule => rule.Check(context))
            .OrderBy(d => d.Location.File, StringComparer.Ordinal).ThenBy(d => d.Location.Line).ThenBy(d => d.Location.Column)
            .ToList();
}

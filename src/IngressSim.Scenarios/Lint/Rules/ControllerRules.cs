using IngressSim.Kubernetes.Diagnostics;

namespace IngressSim.Scenarios.Lint.Rules;

/// <summary>One controller replica is a single point of failure: its crash drops all traffic until it restarts.</summary>
public sealed class SingleControllerReplica : ILintRule
{
    public string Code => LintCodes.SingleControllerReplica;
    public string Title => "Single ingress controller replica";
    public Severity Severity => Severity.Warning;

    public IEnumerable<Diagnostic> Check(LintContext context)
    {
        if (context.Scenario is null) yield break;
        for (int i = 0; i < context.Controllers.Count; i++)
            if (context.Controllers[i].Replicas == 1)
                yield return new Diagnostic(Severity, Code,
                    $"controller '{context.Controllers[i].Name}' has one replica: a single point of failure (a crash or reload hits all its traffic)",
                    context.LocateController(i, "replicas"), "run at least 2 replicas, spread by anti-affinity");
    }
}

/// <summary>Replicas without pod anti-affinity may share a node, so one node loss takes several down.</summary>
public sealed class ReplicasWithoutAntiAffinity : ILintRule
{
    public string Code => LintCodes.NoAntiAffinity;
    public string Title => "Controller replicas without anti-affinity";
    public Severity Severity => Severity.Warning;

    public IEnumerable<Diagnostic> Check(LintContext context)
    {
        if (context.Scenario is null) yield break;
        for (int i = 0; i < context.Controllers.Count; i++)
            if (context.Controllers[i] is { Replicas: > 1, AntiAffinity: false } controller)
                yield return new Diagnostic(Severity, Code,
                    $"controller '{controller.Name}' runs {controller.Replicas} replicas without pod anti-affinity: they may share a node",
                    context.LocateController(i), "set antiAffinity: true (podAntiAffinity on kubernetes.io/hostname)");
    }
}

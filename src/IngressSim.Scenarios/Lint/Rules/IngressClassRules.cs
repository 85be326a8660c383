using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Networking;
using IngressSim.Routing;

namespace IngressSim.Scenarios.Lint.Rules;

/// <summary>An Ingress that names a class no controller serves is ignored by every controller (MODEL_FACTS §9).</summary>
public sealed class NoControllerForClass : ILintRule
{
    public string Code => LintCodes.NoControllerForClass;
    public string Title => "Ingress class without a controller";
    public Severity Severity => Severity.Error;

    public IEnumerable<Diagnostic> Check(LintContext context)
    {
        var served = context.Controllers.Select(c => c.ClassName).ToList();
        // A plain manifest file without IngressClasses is routed as ingress-nginx (ControllerSelection.ForManifests),
        // which serves its own class even when the manifests lack it, because its install creates it.
        var nginx = IngressControllerSelection.IngressNginx;
        bool nginxAssumed = context.Scenario is null && context.Classes.Count == 0;
        foreach (var ingress in context.Ingresses)
        {
            if (LintContext.RequestedClass(ingress) is not { } requested || served.Contains(requested)) continue;
            var at = ingress.Locate(ingress.Spec.IngressClassName is null ? $"metadata.annotations.{Ingress.LegacyClassAnnotation}" : "spec.ingressClassName");
            if (nginxAssumed && requested == nginx.ClassName)
                yield return Diagnostic.Warning(Code,
                    $"Ingress {ingress.Key} asks for class '{requested}', which these manifests do not define: taken to be ingress-nginx's own class, which its install creates",
                    at, $"include the IngressClass '{requested}' (spec.controller: {nginx.ControllerName}) to make the controller explicit");
            else
                yield return new Diagnostic(Severity, Code, $"Ingress {ingress.Key} asks for class '{requested}', which no controller serves: it will not be routed",
                    at, served.Count == 0 ? "define a controller for it" : $"classes served: {string.Join(", ", served)}");
        }
    }
}

/// <summary>With several controllers and no default class, an Ingress without a class is served by none.</summary>
public sealed class MissingIngressClassName : ILintRule
{
    public string Code => LintCodes.MissingIngressClassName;
    public string Title => "Ingress without a class among several controllers";
    public Severity Severity => Severity.Warning;

    public IEnumerable<Diagnostic> Check(LintContext context)
    {
        if (context.Controllers.Count < 2 || context.Classes.Any(c => c.IsDefault)) yield break;
        foreach (var ingress in context.Ingresses.Where(i => LintContext.RequestedClass(i) is null))
            yield return new Diagnostic(Severity, Code,
                $"Ingress {ingress.Key} has no ingressClassName, and none of the {context.Controllers.Count} controllers' classes is the default: no controller serves it",
                ingress.Locate("spec"), $"set spec.ingressClassName to one of: {string.Join(", ", context.Controllers.Select(c => c.ClassName))}");
    }
}

/// <summary>Two default IngressClasses: the admission plugin refuses new Ingresses without a class (WEB ingress.md "Default IngressClass").</summary>
public sealed class SeveralDefaultClasses : ILintRule
{
    public string Code => LintCodes.SeveralDefaultClasses;
    public string Title => "More than one default IngressClass";
    public Severity Severity => Severity.Error;

    public IEnumerable<Diagnostic> Check(LintContext context)
    {
        var defaults = context.Classes.Where(c => c.IsDefault).ToList();
        foreach (var extra in defaults.Skip(1))
            yield return new Diagnostic(Severity, Code,
                $"IngressClass {extra.Metadata.Name} is a second default class (after {defaults[0].Metadata.Name}); Ingresses without a class are then rejected",
                extra.Locate($"metadata.annotations.{IngressClass.IsDefaultClassAnnotation}"), "mark only one IngressClass as default");
    }
}

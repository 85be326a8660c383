using IngressSim.Kubernetes.Core;
using IngressSim.Kubernetes.Diagnostics;

namespace IngressSim.Scenarios.Lint.Rules;

/// <summary>A backend Service that does not exist: the controller answers 503 for its paths.</summary>
public sealed class BackendServiceMissing : ILintRule
{
    public string Code => LintCodes.BackendServiceMissing;
    public string Title => "Backend Service not found";
    public Severity Severity => Severity.Error;

    public IEnumerable<Diagnostic> Check(LintContext context)
    {
        var names = context.Manifests.OfKind<Service>().Select(s => s.Metadata.Name).Distinct().ToList();
        foreach (var ingress in context.Ingresses)
            foreach (var (backend, path) in LintContext.Backends(ingress))
                if (context.ServiceAt(ingress.Metadata.Namespace, backend.Name) is null)
                    yield return new Diagnostic(Severity, Code,
                        $"Ingress {ingress.Key} routes to Service '{backend.Name}', which does not exist in namespace {ingress.Metadata.Namespace}",
                        ingress.Locate(path + ".name"), Binding.Suggestions.Closest(backend.Name, names) is { } near
                            ? $"did you mean '{near}'?" : "an Ingress can only route to Services of its own namespace");
    }
}

/// <summary>The backend port is not one the Service exposes.</summary>
public sealed class BackendPortNotExposed : ILintRule
{
    public string Code => LintCodes.BackendPortNotExposed;
    public string Title => "Backend port not exposed by the Service";
    public Severity Severity => Severity.Error;

    public IEnumerable<Diagnostic> Check(LintContext context)
    {
        foreach (var ingress in context.Ingresses)
            foreach (var (backend, path) in LintContext.Backends(ingress))
            {
                if (context.ServiceAt(ingress.Metadata.Namespace, backend.Name) is not { } service) continue;
                var port = backend.Port;
                bool exposed = port.Number is { } n ? service.PortByNumber(n) is not null : port.Name is { } name && service.PortByName(name) is not null;
                if (!exposed)
                    yield return new Diagnostic(Severity, Code,
                        $"Ingress {ingress.Key} uses port {port} of Service {service.Key}, which exposes {string.Join(", ", service.Spec.Ports.Select(p => p.Name is null ? $"{p.Port}" : $"{p.Port} ({p.Name})"))}",
                        ingress.Locate(path + ".port"), "use one of the Service's ports (port, not targetPort)");
            }
    }
}

/// <summary>A headless Service (clusterIP: None) has no virtual IP: kube-proxy does not balance it and service-upstream cannot work.</summary>
public sealed class HeadlessBackend : ILintRule
{
    public string Code => LintCodes.HeadlessBackend;
    public string Title => "Headless Service as an Ingress backend";
    public Severity Severity => Severity.Warning;

    public IEnumerable<Diagnostic> Check(LintContext context)
    {
        foreach (var ingress in context.Ingresses)
            foreach (var (backend, path) in LintContext.Backends(ingress))
                if (context.ServiceAt(ingress.Metadata.Namespace, backend.Name) is { Spec.IsHeadless: true } service)
                    yield return new Diagnostic(Severity, Code,
                        $"Ingress {ingress.Key} routes to headless Service {service.Key} (clusterIP: None): no ClusterIP for service-upstream or kube-proxy",
                        ingress.Locate(path + ".name"), "give the Service a ClusterIP, or make sure the controller proxies to pod endpoints");
    }
}

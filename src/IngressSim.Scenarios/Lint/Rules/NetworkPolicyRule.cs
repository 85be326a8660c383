using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Meta;
using IngressSim.Kubernetes.Networking;

namespace IngressSim.Scenarios.Lint.Rules;

/// <summary>
/// A NetworkPolicy that selects a backend's pods and admits no peer in the controller's namespace:
/// the controller's connections time out (proxy-connect-timeout → 504). Namespaces are matched by the
/// label Kubernetes sets on every namespace, <c>kubernetes.io/metadata.name</c>.
/// </summary>
public sealed class NetworkPolicyBlocksController : ILintRule
{

    public string Code => LintCodes.NetworkPolicyBlocksController;
    public string Title => "NetworkPolicy blocks the ingress controller";
    public Severity Severity => Severity.Warning;

    public IEnumerable<Diagnostic> Check(LintContext context)
    {
        var policies = context.Manifests.OfKind<NetworkPolicy>().Where(p => p.Spec.AppliesToIngress).ToList();
        if (policies.Count == 0) yield break;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var ingress in context.Ingresses)
        {
            var controller = context.ControllerFor(ingress);
            var controllerNamespace = controller?.Namespace ?? "ingress-nginx";
            foreach (var (backend, _) in LintContext.Backends(ingress))
            {
                if (context.ServiceAt(ingress.Metadata.Namespace, backend.Name) is not { } service) continue;
                foreach (var pods in context.PodLabelsOf(service))
                {
                    var selecting = policies.Where(p => p.Metadata.Namespace == service.Metadata.Namespace && p.Spec.PodSelector.Matches(pods)).ToList();
                    if (NetworkPolicy.AllowsFrom(selecting, service.Metadata.Namespace, pods, controllerNamespace)) continue;
                    var policy = selecting[0];
                    if (reported.Add($"{policy.Key} {controllerNamespace}"))
                        yield return new Diagnostic(Severity, Code,
                            $"NetworkPolicy {policy.Key} selects the pods of Service {service.Key} but admits nothing from namespace {controllerNamespace}, where controller '{controller?.Name ?? "ingress-nginx"}' runs: its requests time out",
                            policy.Locate("spec.ingress"),
                            $"add a rule from: [{{namespaceSelector: {{matchLabels: {{{NetworkPolicy.NamespaceNameLabel}: {controllerNamespace}}}}}}}]");
                }
            }
        }
    }
}

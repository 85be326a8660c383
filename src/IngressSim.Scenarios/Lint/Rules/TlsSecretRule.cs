using IngressSim.Kubernetes.Core;
using IngressSim.Kubernetes.Diagnostics;

namespace IngressSim.Scenarios.Lint.Rules;

/// <summary>
/// A TLS section naming a Secret that is missing, or that exists only in another namespace (an
/// Ingress can only use its own namespace's Secrets): ingress-nginx then serves its default fake certificate.
/// </summary>
public sealed class TlsSecretNotFound : ILintRule
{
    public string Code => LintCodes.TlsSecret;
    public string Title => "TLS secret not found";
    public Severity Severity => Severity.Warning;

    public IEnumerable<Diagnostic> Check(LintContext context)
    {
        var secrets = context.Manifests.OfKind<Secret>().ToList();
        foreach (var ingress in context.Ingresses)
            for (int t = 0; t < ingress.Spec.Tls.Count; t++)
            {
                if (ingress.Spec.Tls[t].SecretName is not { Length: > 0 } name) continue;
                if (secrets.Any(s => s.Metadata.Name == name && s.Metadata.Namespace == ingress.Metadata.Namespace)) continue;
                var elsewhere = secrets.FirstOrDefault(s => s.Metadata.Name == name);
                yield return new Diagnostic(Severity, Code,
                    elsewhere is null
                        ? $"Ingress {ingress.Key}: TLS secret '{name}' not found; the controller serves its default (fake) certificate"
                        : $"Ingress {ingress.Key}: TLS secret '{name}' is in namespace {elsewhere.Metadata.Namespace}, not {ingress.Metadata.Namespace}; an Ingress can only use its own namespace's Secrets",
                    ingress.Locate($"spec.tls[{t}].secretName"),
                    elsewhere is null ? "add the Secret (kubernetes.io/tls) to the manifests" : $"copy the Secret into namespace {ingress.Metadata.Namespace}");
            }
    }
}

using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Networking;

namespace IngressSim.Scenarios.Lint.Rules;

/// <summary>
/// Two Ingresses of one class claim the same host and path: only the oldest is served (MODEL_FACTS
/// §2), so the other's backend silently gets nothing. Canary Ingresses share paths on purpose and are skipped.
/// </summary>
public sealed class DuplicateHostPath : ILintRule
{
    public string Code => LintCodes.DuplicateHostPath;
    public string Title => "Conflicting duplicate host and path";
    public Severity Severity => Severity.Warning;

    public IEnumerable<Diagnostic> Check(LintContext context)
    {
        var claims = context.Ingresses
            .Select((ingress, order) => (ingress, order))
            .Where(x => x.ingress.Metadata.Annotation(LintContext.NginxAnnotationPrefix + "canary") != "true")
            .OrderBy(x => x.ingress.Metadata.CreationTimestamp ?? DateTimeOffset.MaxValue).ThenBy(x => x.order)
            .SelectMany(x => x.ingress.Spec.Rules.SelectMany((rule, r) => (rule.Http?.Paths ?? []).Select((path, p) => (
                Key: $"{context.EffectiveClass(x.ingress)}|{rule.Host?.ToLowerInvariant()}|{path.Path}|{path.PathType}",
                x.ingress, At: $"spec.rules[{r}].http.paths[{p}].path", Host: rule.Host, path.Path))));
        var first = new Dictionary<string, Ingress>(StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            if (!first.TryAdd(claim.Key, claim.ingress) && first[claim.Key] != claim.ingress)
                yield return new Diagnostic(Severity, Code,
                    $"Ingress {claim.ingress.Key} claims host '{claim.Host ?? "*"}' path '{claim.Path}', already claimed by {first[claim.Key].Key}: the oldest wins, this one is not served",
                    claim.ingress.Locate(claim.At), "merge the two rules, or use a canary annotation if this is deliberate");
        }
    }
}

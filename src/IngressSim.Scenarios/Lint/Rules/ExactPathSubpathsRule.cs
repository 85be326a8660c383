using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Networking;

namespace IngressSim.Scenarios.Lint.Rules;

/// <summary>
/// Traffic asks for sub-paths of an Exact path that nothing else covers: Exact <c>/api</c> does not
/// match <c>/api/users</c> (MODEL_FACTS §9), so those requests get 404.
/// </summary>
public sealed class ExactPathSubpaths : ILintRule
{
    public string Code => LintCodes.ExactPathSubpaths;
    public string Title => "Exact path where traffic requests sub-paths";
    public Severity Severity => Severity.Warning;

    public IEnumerable<Diagnostic> Check(LintContext context)
    {
        if (context.Scenario is null) yield break;
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (source, _, host) in context.TrafficHosts())
            foreach (var request in source.Requests)
            {
                var path = request.Path.Split('?')[0];
                var paths = context.IngressesForHost(host).SelectMany(ingress => PathsFor(ingress, host)).ToList();
                if (paths.Any(x => Covers(x.Path, path))) continue;
                foreach (var exact in paths.Where(x => x.Path.PathType == PathType.Exact && IsSubPath(path, x.Path.Path ?? "")))
                    if (reported.Add($"{exact.Ingress.Key} {exact.At}"))
                        yield return new Diagnostic(Severity, Code,
                            $"Ingress {exact.Ingress.Key} matches only exactly '{exact.Path.Path}', but traffic '{source.Name}' requests '{path}': those requests get 404",
                            exact.Ingress.Locate(exact.At), "use pathType: Prefix to serve sub-paths");
            }
    }

    private static IEnumerable<(Ingress Ingress, HttpIngressPath Path, string At)> PathsFor(Ingress ingress, string host)
    {
        for (int r = 0; r < ingress.Spec.Rules.Count; r++)
            if (LintContext.HostMatches(ingress.Spec.Rules[r].Host, host))
                for (int p = 0; p < (ingress.Spec.Rules[r].Http?.Paths.Count ?? 0); p++)
                    yield return (ingress, ingress.Spec.Rules[r].Http!.Paths[p], $"spec.rules[{r}].http.paths[{p}].path");
    }

    private static bool Covers(HttpIngressPath rule, string path) => rule.PathType switch
    {
        PathType.Exact => rule.Path == path,
        _ => rule.Path is "/" or null || path == rule.Path!.TrimEnd('/') || path.StartsWith(rule.Path.TrimEnd('/') + "/", StringComparison.Ordinal),
    };

    private static bool IsSubPath(string path, string exact) =>
        exact != "/" && path.StartsWith(exact.TrimEnd('/') + "/", StringComparison.Ordinal);
}

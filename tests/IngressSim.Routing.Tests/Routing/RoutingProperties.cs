using FsCheck;
using FsCheck.Xunit;

namespace IngressSim.Routing.Tests.Routing;

/// <summary>Laws every configuration must obey, over generated hosts, paths and weights.</summary>
public class RoutingProperties
{
    private static readonly IngressControllerSelection Nginx = IngressControllerSelection.IngressNginx;

    private static string Label(int n) => $"h{(uint)n % 1000}";

    /// <summary>What was decided, without where the deciding manifest was written.</summary>
    private static (int?, BackendTarget?, string?, int?, int?, bool) Decision(RouteResult r) =>
        (r.Status, r.Backend, r.Origin?.Name, r.Origin?.RuleIndex, r.Origin?.PathIndex, r.Canary);

    [Property]
    public bool HostMatching_IsCaseInsensitive(int label, int caseMask)
    {
        string host = $"{Label(label)}.example.com";
        var router = Manifests.Compile(Nginx, Manifests.Ingress("a", host, "/", "Prefix", "svc"), Manifests.Service("svc"));
        string recased = new(host.Select((c, i) => ((caseMask >> (i % 31)) & 1) == 1 ? char.ToUpperInvariant(c) : c).ToArray());

        return router.Route(recased, "/x").Backend?.Service == "svc";
    }

    [Property]
    public bool UnrelatedIngressForAnotherHost_NeverChangesAResult(int label, int otherLabel, bool exact)
    {
        string host = $"{Label(label)}.example.com", other = $"x{Label(otherLabel)}.example.com";
        string[] baseDocs = [Manifests.Ingress("a", host, "/api", "Prefix", "svc"), Manifests.Service("svc"), Manifests.Service("other")];
        var before = Manifests.Compile(Nginx, baseDocs);
        var after = Manifests.Compile(Nginx, [.. baseDocs, Manifests.Ingress("b", other, "/", exact ? "Exact" : "Prefix", "other", created: "2000-01-01T00:00:00Z")]);

        return new[] { "/api", "/api/x", "/", "/apix" }.All(path => Decision(before.Route(host, path)) == Decision(after.Route(host, path)));
    }

    [Property]
    public bool LongestMatchingPrefix_Wins(PositiveInt depth, PositiveInt extra)
    {
        // Prefixes /p0, /p0/p1, ... up to `depth` elements; a request below the deepest reaches it, and
        // a request at level k reaches the prefix with k elements.
        int d = depth.Get % 6 + 1;
        var prefixes = Enumerable.Range(1, d).Select(n => "/" + string.Join('/', Enumerable.Range(0, n).Select(i => $"p{i}"))).ToList();
        var docs = prefixes.SelectMany((p, i) => new[] { Manifests.Ingress($"i{i}", "h.com", p, "Prefix", $"s{i}"), Manifests.Service($"s{i}") }).ToArray();
        var router = Manifests.Compile(Nginx, docs);
        int level = extra.Get % d;

        return router.Route("h.com", prefixes[level] + "/").Backend!.Service == $"s{level}"
            && router.Route("h.com", prefixes[^1] + "/deeper/still").Backend!.Service == $"s{d - 1}";
    }

    [Property(MaxTest = 25)]
    public bool WeightedSplit_FrequenciesMatchWeights(PositiveInt w1, PositiveInt w2, PositiveInt w3)
    {
        int[] weights = [w1.Get % 50 + 1, w2.Get % 50 + 1, w3.Get % 50 + 1];
        var router = Manifests.Compile(new GatewaySelection("gw"), new Kubernetes.Diagnostics.DiagnosticBag(),
            """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw}
            spec: {gatewayClassName: sim, listeners: [{name: http, port: 80, protocol: HTTP}]}
            """,
            $$"""
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: r}
            spec:
              parentRefs: [{name: gw}]
              rules: [{backendRefs: [{name: s0, port: 80, weight: {{weights[0]}}}, {name: s1, port: 80, weight: {{weights[1]}}}, {name: s2, port: 80, weight: {{weights[2]}}}]}]
            """,
            Manifests.Service("s0"), Manifests.Service("s1"), Manifests.Service("s2"));
        const int samples = 10_000;
        var shares = RouteSplit.Sample(router, new RouteRequest(), samples, Manifests.Random($"split/{string.Join(',', weights)}"));
        double total = weights.Sum();

        // 5 standard deviations of a binomial fraction at p = 0.5: a false failure is ~1e-6 per check.
        return Enumerable.Range(0, 3).All(i =>
            Math.Abs((shares.SingleOrDefault(s => s.Label == $"s{i}")?.Fraction ?? 0) - weights[i] / total) < 5 * 0.5 / Math.Sqrt(samples));
    }

    [Property]
    public bool Compile_IsIndependentOfManifestOrder(int seed)
    {
        // Conflicting Ingresses without timestamps: namespace/name decides, never document order.
        string[] docs =
        [
            Manifests.Ingress("b", "h.com", "/x", "Prefix", "s1"),
            Manifests.Ingress("a", "h.com", "/x", "Prefix", "s2"),
            Manifests.Ingress("c", "h.com", "/x", "Exact", "s3"),
            Manifests.Ingress("d", "*.com", "/", "Prefix", "s1"),
            Manifests.Service("s1"), Manifests.Service("s2"), Manifests.Service("s3"),
        ];
        var shuffled = docs.OrderBy(d => HashCode.Combine(seed, d.Length, d[40..60].GetHashCode(StringComparison.Ordinal))).ToArray();
        var original = Manifests.Compile(Nginx, docs);
        var reordered = Manifests.Compile(Nginx, shuffled);

        return new[] { ("h.com", "/x"), ("h.com", "/x/y"), ("q.com", "/"), ("H.COM", "/x") }
            .All(r => Decision(original.Route(r.Item1, r.Item2)) == Decision(reordered.Route(r.Item1, r.Item2)));
    }
}

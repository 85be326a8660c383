using IngressSim.Kubernetes.Diagnostics;

namespace IngressSim.Routing.Tests.Routing;

public class IngressNginxRouterTests
{
    private static readonly IngressControllerSelection Nginx = IngressControllerSelection.IngressNginx;

    [Fact]
    public void Route_ReportsTheIngressRuleAndPathThatMatched()
    {
        var router = Manifests.Compile(Nginx, Manifests.Ingress("shop", "shop.com", "/cart", "Prefix", "cart"), Manifests.Service("cart"));

        var origin = router.Route("shop.com", "/cart/items").Origin!;

        Assert.Equal((RouteKind.Ingress, "default", "shop", 0, 0), (origin.Kind, origin.Namespace, origin.Name, origin.RuleIndex, origin.PathIndex));
        Assert.Equal(11, origin.Location.Line);
    }

    [Fact]
    public void Route_PortInHostHeader_IsIgnored()
    {
        var router = Manifests.Compile(Nginx, Manifests.Ingress("a", "a.com", "/", "Prefix", "svc"), Manifests.Service("svc"));

        Assert.True(router.Route("a.com:8443", "/").IsProxied);
    }

    [Fact]
    public void Route_QueryString_IsNotPartOfThePath()
    {
        var router = Manifests.Compile(Nginx, Manifests.Ingress("a", "a.com", "/exact", "Exact", "svc"), Manifests.Service("svc"));

        Assert.True(router.Route("a.com", "/exact?x=1").IsProxied);
    }

    [Fact]
    public void Route_MissingService_Answers503WithTheIntendedBackend()
    {
        var router = Manifests.Compile(Nginx, Manifests.Ingress("a", "a.com", "/", "Prefix", "gone"));

        var result = router.Route("a.com", "/");

        Assert.Equal(503, result.Status);
        Assert.Equal("gone", result.Backend!.Service);
    }

    [Fact]
    public void Route_PortByName_ResolvesToTheServicePortNumber_AndAnUnknownNameIs503()
    {
        var named = Manifests.Compile(Nginx, Manifests.Ingress("a", "a.com", "/", "Prefix", "svc", port: "name: web"), Manifests.Service("svc", 8080, "web"));
        var unknown = Manifests.Compile(Nginx, Manifests.Ingress("a", "a.com", "/", "Prefix", "svc", port: "name: grpc"), Manifests.Service("svc", 8080, "web"));

        Assert.Equal(8080, named.Route("a.com", "/").Backend!.Port);
        Assert.Equal(503, unknown.Route("a.com", "/").Status);
    }

    [Fact]
    public void Route_HostlessRule_ServesHostsWithoutTheirOwnServer()
    {
        var router = Manifests.Compile(Nginx,
            Manifests.Ingress("any", null, "/", "Prefix", "fallback"),
            Manifests.Ingress("a", "a.com", "/api", "Prefix", "api"),
            Manifests.Service("fallback"), Manifests.Service("api"));

        Assert.Equal("fallback", router.Route("b.com", "/x").Backend!.Service);
        // A host with its own server does not fall back to the catch-all's paths (nginx picks one server).
        Assert.Equal(404, router.Route("a.com", "/x").Status);
    }

    [Fact]
    public void Route_RewriteTargetOnOneIngress_PutsTheWholeHostInRegexMode()
    {
        var router = Manifests.Compile(Nginx,
            Manifests.Ingress("plain", "a.com", "/foo", "Prefix", "plain", created: "2024-01-01T00:00:00Z"),
            Manifests.Ingress("rewrite", "a.com", "/bar", "Prefix", "rewrite", annotations: new Dictionary<string, string> { ["nginx.ingress.kubernetes.io/rewrite-target"] = "/" }),
            Manifests.Service("plain"), Manifests.Service("rewrite"));

        // ~* "^/foo" is case-insensitive and not element-wise: /FOObar now reaches the plain Ingress.
        Assert.Equal("plain", router.Route("a.com", "/FOObar").Backend!.Service);
        Assert.Equal("rewrite", router.Route("a.com", "/barista").Backend!.Service);
    }

    [Fact]
    public void Compile_InvalidRegexPath_IsReportedAndDropped()
    {
        var diagnostics = new DiagnosticBag();
        var router = Manifests.Compile(Nginx, diagnostics,
            Manifests.Ingress("a", "a.com", "/x(", "ImplementationSpecific", "svc", annotations: new Dictionary<string, string> { ["nginx.ingress.kubernetes.io/use-regex"] = "true" }),
            Manifests.Service("svc"));

        Assert.Equal(RoutingDiagnosticCodes.InvalidRegex, Assert.Single(diagnostics.Items).Code);
        Assert.Equal(404, router.Route("a.com", "/x(").Status);
    }

    [Fact]
    public void Route_AllocatesNothingPerRequest()
    {
        var router = Manifests.Compile(Nginx, Manifests.Ingress("a", "a.com", "/api", "Prefix", "svc"), Manifests.Service("svc"));
        var request = new RouteRequest { Host = "A.com:80", Target = "/api/v1/x?y=1", Headers = new[] { new HttpField("X", "y") } };
        var random = Manifests.Random();
        for (int i = 0; i < 1000; i++) router.Route(request, random);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++) router.Route(request, random);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}

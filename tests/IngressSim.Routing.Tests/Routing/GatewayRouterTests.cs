using IngressSim.Kubernetes.Diagnostics;

namespace IngressSim.Routing.Tests.Routing;

public class GatewayRouterTests
{
    private const string Gateway = """
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: gw}
        spec:
          gatewayClassName: sim
          listeners: [{name: http, port: 80, protocol: HTTP}]
        """;

    private static string Route(string rules) => $$"""
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r}
        spec:
          parentRefs: [{name: gw}]
          rules:
        {{rules}}
        """;

    private static Router Compile(string rules, DiagnosticBag? diagnostics = null) =>
        Manifests.Compile(new GatewaySelection("gw"), diagnostics ?? new DiagnosticBag(), Gateway, Route(rules), Manifests.Service("a"), Manifests.Service("b"));

    [Fact]
    public void Route_BackendWeights_SplitTraffic()
    {
        var router = Compile("  - backendRefs: [{name: a, port: 80, weight: 3}, {name: b, port: 80}]");

        var shares = RouteSplit.Sample(router, new RouteRequest(), 4000, Manifests.Random());

        Assert.Equal(0.75, shares.Single(s => s.Label == "a").Fraction, 0.03);
        Assert.Equal(0.25, shares.Single(s => s.Label == "b").Fraction, 0.03);
    }

    [Theory]
    [InlineData("  - backendRefs: [{name: missing, port: 80}]")]
    [InlineData("  - backendRefs: [{name: a, port: 81}]")]
    [InlineData("  - backendRefs: [{name: a, port: 80, kind: Bucket, group: example.com}]")]
    [InlineData("  - backendRefs: [{name: a, port: 80, weight: 0}]")]
    [InlineData("  - matches: [{path: {type: Exact, value: /}}]")]
    public void Route_InvalidOrNoBackend_Answers500(string rules)
    {
        Assert.Equal(500, Compile(rules).Route("", "/").Status);
    }

    [Fact]
    public void Route_RegularExpressions_MatchTheWholePathOrHeader()
    {
        var router = Compile("""
              - matches: [{path: {type: RegularExpression, value: "/items/[0-9]+"}}]
                backendRefs: [{name: a, port: 80}]
              - matches: [{headers: [{type: RegularExpression, name: X-Env, value: "stag.*"}]}]
                backendRefs: [{name: b, port: 80}]
            """);

        Assert.Equal("a", router.Route("", "/items/42").Backend!.Service);
        Assert.Equal(404, router.Route("", "/items/42/more").Status);
        Assert.Equal("b", router.Route("", "/x", ("x-env", "staging")).Backend!.Service);
        Assert.Equal(404, router.Route("", "/x", ("x-env", "prestaging")).Status);
    }

    [Fact]
    public void Route_HttpsRequestWithOnlyAnHttpListener_IsNotRouted()
    {
        var router = Compile("  - backendRefs: [{name: a, port: 80}]");

        Assert.Equal(404, router.Route(new RouteRequest { Scheme = "https" }, Manifests.Random()).Status);
    }

    [Fact]
    public void Compile_MissingGatewayAndUnattachedRoute_AreReported()
    {
        var diagnostics = new DiagnosticBag();
        var missing = Manifests.Compile(new GatewaySelection("nope"), diagnostics, Gateway);
        Manifests.Compile(new GatewaySelection("gw"), diagnostics, Gateway, Route("  - backendRefs: [{name: a, port: 80}]").Replace("{name: gw}", "{name: gw, sectionName: https}"));

        Assert.Equal([RoutingDiagnosticCodes.GatewayNotFound, RoutingDiagnosticCodes.RouteNotAttached], diagnostics.Items.Select(d => d.Code));
        Assert.Equal(404, missing.Route("", "/").Status);
    }

    [Fact]
    public void Compile_MissingGateway_IsLocatedAtAParentRefNamingIt_ElseAtTheFirstGateway()
    {
        var diagnostics = new DiagnosticBag();
        var route = Route("  - backendRefs: [{name: a, port: 80}]").Replace("[{name: gw}]", "[{name: gw}, {name: nope}]");
        Manifests.Compile(new GatewaySelection("nope"), diagnostics, Gateway, route);
        Manifests.Compile(new GatewaySelection("other"), diagnostics, Gateway, route);

        Assert.Equal([new SourceLocation("test.yaml", 12, 28), new SourceLocation("test.yaml", 1, 1)], diagnostics.Items.Select(d => d.Location));
    }

    private static DiagnosticBag CompileRoute(string parentRefs, string routeNamespace = "default")
    {
        var diagnostics = new DiagnosticBag();
        var gateway = Gateway.Replace("protocol: HTTP}", "protocol: HTTP, hostname: \"*.example.com\"}");
        Manifests.Compile(new GatewaySelection("gw"), diagnostics, gateway,
            Route("  - backendRefs: [{name: a, port: 80}]").Replace("[{name: gw}]", parentRefs).Replace("{name: r}", $"{{name: r, namespace: {routeNamespace}}}"),
            Manifests.Service("a"));
        return diagnostics;
    }

    [Theory]
    [InlineData("[{name: other}]")]
    [InlineData("[{name: gw, namespace: elsewhere}]")]
    [InlineData("[{name: gw, kind: Service}]")]
    public void Compile_RouteOfAnotherGateway_IsNotReported(string parentRefs)
    {
        Assert.Empty(CompileRoute(parentRefs).Items);
    }

    [Theory]
    [InlineData("[{name: other}, {name: gw, sectionName: https}, {name: gw, port: 443}]", "no HTTP or HTTPS listener matches its parentRefs")]
    [InlineData("[{name: gw}]\n  hostnames: [a.example.org]", "its hostnames do not intersect")]
    [InlineData("[{name: gw, namespace: default}]", "do not admit routes from namespace team", "team")]
    public void Compile_RouteThatCannotAttachToTheSelectedGateway_IsReportedOnceWithTheReason(string parentRefs, string reason, string routeNamespace = "default")
    {
        var warning = Assert.Single(CompileRoute(parentRefs, routeNamespace).Items);

        Assert.Equal(RoutingDiagnosticCodes.RouteNotAttached, warning.Code);
        Assert.Contains(reason, warning.Message);
        Assert.Equal(12, warning.Location.Line);
    }

    [Fact]
    public void Compile_InvalidRegex_DropsOnlyThatMatch()
    {
        var diagnostics = new DiagnosticBag();
        var router = Compile("""
              - matches: [{path: {type: RegularExpression, value: "(("}}, {path: {type: PathPrefix, value: /ok}}]
                backendRefs: [{name: a, port: 80}]
            """, diagnostics);

        Assert.Equal(RoutingDiagnosticCodes.InvalidRegex, Assert.Single(diagnostics.Items).Code);
        Assert.True(router.Route("", "/ok").IsProxied);
    }
}

using IngressSim.Kubernetes.Diagnostics;

namespace IngressSim.Routing.Tests.Routing;

public class CanaryTests
{
    private static readonly string Mainline = Manifests.Ingress("main", "foo", "/", "Prefix", "stable", created: "2024-01-01T00:00:00Z");

    private static string CanaryIngress(params (string Key, string Value)[] annotations) =>
        Manifests.Ingress("canary", "foo", "/", "Prefix", "preview", created: "2024-01-01T00:00:01Z",
            annotations: annotations.Prepend(("canary", "true")).ToDictionary(a => "nginx.ingress.kubernetes.io/" + a.Item1, a => a.Item2));

    private static Router Compile(string canary) =>
        Manifests.Compile(IngressControllerSelection.IngressNginx, Mainline, canary, Manifests.Service("stable"), Manifests.Service("preview"));

    private static double CanaryFraction(Router router, int samples = 4000)
    {
        var shares = RouteSplit.Sample(router, new RouteRequest { Host = "foo", Target = "/" }, samples, Manifests.Random("canary"));
        return shares.SingleOrDefault(s => s.Backend?.Service == "preview")?.Fraction ?? 0;
    }

    [Theory]
    [InlineData("30", null, 0.30)]
    [InlineData("0", null, 0.0)]
    [InlineData("150", null, 1.0)]
    [InlineData("30", "1000", 0.03)]
    [InlineData("30", "50", 0.30)] // balancer.lua honours weight-total only above 100
    public void Route_Weight_SplitsByWeightOverTotal(string weight, string? total, double expected)
    {
        var annotations = new List<(string, string)> { ("canary-weight", weight) };
        if (total is not null) annotations.Add(("canary-weight-total", total));

        Assert.Equal(expected, CanaryFraction(Compile(CanaryIngress([.. annotations]))), 0.03);
    }

    [Fact]
    public void Route_CanaryChoice_IsFlaggedAndKeepsTheMainlineOrigin()
    {
        var router = Compile(CanaryIngress(("canary-by-header", "X-Canary")));

        var result = router.Route("foo", "/", ("x-canary", "always"));

        Assert.True(result.Canary);
        Assert.Equal("preview", result.Backend!.Service);
        Assert.Equal("main", result.Origin!.Name);
    }

    [Fact]
    public void Route_CanaryAttachesToTheUpstream_SoOtherLocationsOfThatServiceGetItToo()
    {
        var router = Manifests.Compile(IngressControllerSelection.IngressNginx,
            Mainline, Manifests.Ingress("other", "bar", "/x", "Prefix", "stable"),
            CanaryIngress(("canary-by-header", "X-Canary")), Manifests.Service("stable"), Manifests.Service("preview"));

        Assert.Equal("preview", router.Route("bar", "/x", ("X-Canary", "always")).Backend!.Service);
    }

    [Fact]
    public void Compile_CanaryWithoutMainline_AndBadWeight_AreWarnings()
    {
        var diagnostics = new DiagnosticBag();
        Manifests.Compile(IngressControllerSelection.IngressNginx, diagnostics,
            Manifests.Ingress("canary", "nowhere", "/", "Prefix", "preview",
                annotations: new Dictionary<string, string> { ["nginx.ingress.kubernetes.io/canary"] = "true", ["nginx.ingress.kubernetes.io/canary-weight"] = "ten" }),
            Manifests.Service("preview"));

        Assert.Equal([RoutingDiagnosticCodes.InvalidAnnotation, RoutingDiagnosticCodes.CanaryWithoutMainline], diagnostics.Items.Select(d => d.Code));
        Assert.All(diagnostics.Items, d => Assert.Equal(Severity.Warning, d.Severity));
    }
}

using IngressSim.Engine.Time;
using IngressSim.Scenarios.Cluster;
using IngressSim.Scenarios.Loading;

namespace IngressSim.Scenarios.Tests;

public class ParameterAndVariantTests
{
    private const string WithParameters = """
        apiVersion: ingresssim.dev/v1alpha1
        kind: Scenario
        metadata:
          name: params
        spec:
          duration: ${duration}
          parameters:
            duration: 10m
            replicas: "2"
            host: shop
          traffic:
            sources:
              - name: web
                host: ${host}.example.com
                rate: {constant: 100/s}
          cluster:
            controllers:
              - name: ingress-nginx
                replicas: ${replicas}
          variants:
            contour:
              description: Envoy instead of nginx
              set:
                cluster.controllers[ingress-nginx].kind: envoy
                parameters.replicas: "3"
            split:
              set:
                cluster.controllers[internal]: {replicas: 2, ingressClass: internal}
                cluster.controllers[0].defaultClass: true
            tuned:
              set:
                cluster.controllers[ingress-nginx].nginx.reload.base: 300ms
            broken:
              set:
                cluster.kubeProxy: fast
        """;

    private static ScenarioLoadResult Load(string? variant = null, params (string, string)[] overrides) =>
        Yaml.Load(WithParameters, new ScenarioLoadOptions
        {
            Variant = variant,
            Parameters = overrides.ToDictionary(o => o.Item1, o => o.Item2),
        });

    [Fact]
    public void Defaults_AreSubstituted()
    {
        var scenario = Load().Scenario!;
        Assert.Equal(Duration.FromMinutes(10), scenario.Spec.Duration);
        Assert.Equal("shop.example.com", scenario.Spec.Traffic.Sources[0].Host);
        Assert.Equal(2, scenario.Spec.Cluster.Controllers[0].Replicas);
        Assert.Equal("base", scenario.Variant);
        Assert.Equal("10m", scenario.Parameters["duration"]);
    }

    [Fact]
    public void Overrides_WinOverDefaults()
    {
        var scenario = Load(null, ("duration", "1h"), ("host", "api")).Scenario!;
        Assert.Equal(Duration.FromHours(1), scenario.Spec.Duration);
        Assert.Equal("api.example.com", scenario.Spec.Traffic.Sources[0].Host);
        Assert.Equal("1h", scenario.Parameters["duration"]);
    }

    [Fact]
    public void BadOverride_IsReportedAtTheReference_WithItsOrigin()
    {
        var error = Yaml.SingleError(Load(null, ("replicas", "many")));
        Assert.Equal("19:19", Yaml.At(error));
        Assert.Contains("(from --param replicas=many)", error.Message);
    }

    [Fact]
    public void UnknownOverride_SuggestsTheDeclaredName()
    {
        var error = Yaml.SingleError(Load(null, ("replica", "3")));
        Assert.Equal(ScenarioCodes.UnknownParameterOverride, error.Code);
        Assert.Equal("did you mean 'replicas'?", error.Hint);
    }

    [Fact]
    public void UnresolvedReference_IsAnError()
    {
        var error = Yaml.SingleError(Yaml.Load(WithParameters.Replace("${host}.example", "${hots}.example")));
        Assert.Equal(ScenarioCodes.UnresolvedParameter, error.Code);
        Assert.Equal("14:15", Yaml.At(error));
        Assert.Equal("did you mean 'host'?", error.Hint);
    }

    [Fact]
    public void UnusedParameter_IsAWarning()
    {
        var result = Yaml.Load(WithParameters.Replace("    host: shop", "    host: shop\n    spare: 1"));
        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(ScenarioCodes.UnusedParameter, warning.Code);
    }

    [Fact]
    public void EscapedDollar_IsLiteral()
    {
        var scenario = Yaml.Load(WithParameters.Replace("description: Envoy instead of nginx", "description: costs $${price}")).Scenario!;
        Assert.Equal("costs ${price}", scenario.Spec.Variants["contour"].Description);
    }

    [Fact]
    public void Variant_SetsFieldsByNameAndParameters()
    {
        var scenario = Load("contour").Scenario!;
        Assert.Equal("contour", scenario.Variant);
        Assert.Equal(ControllerKind.Envoy, scenario.Spec.Cluster.Controllers[0].Kind);
        Assert.Equal(3, scenario.Spec.Cluster.Controllers[0].Replicas);
    }

    [Fact]
    public void Variant_AppendsANamedItem_AndSelectsByIndex()
    {
        var controllers = Load("split").Scenario!.Spec.Cluster.Controllers;
        Assert.Equal(["ingress-nginx", "internal"], controllers.Select(c => c.Name));
        Assert.Equal("internal", controllers[1].ClassName);
        Assert.True(controllers[0].DefaultClass);
    }

    [Fact]
    public void Variant_OverlaidValue_IsCheckedWhereTheVariantWroteIt()
    {
        var error = Yaml.SingleError(Load("broken"));
        Assert.Equal(ScenarioCodes.WrongType, error.Code);
        Assert.Equal("35:28", Yaml.At(error));
    }

    [Fact]
    public void Variant_CreatesMissingIntermediateFields()
    {
        var controller = Load("tuned").Scenario!.Spec.Cluster.Controllers[0];
        Assert.Equal(Duration.FromMilliseconds(300), controller.Nginx.Reload.Base);
        Assert.Equal(Duration.FromMicroseconds(120), controller.Nginx.Reload.PerItem);
    }

    [Fact]
    public void UnknownVariant_SuggestsAndLists()
    {
        var error = Yaml.SingleError(Load("contur"));
        Assert.Equal(ScenarioCodes.UnknownVariant, error.Code);
        Assert.Contains("did you mean 'contour'?", error.Hint);
        Assert.Contains("base, contour, split, tuned, broken", error.Hint);
    }

    [Fact]
    public void Variant_UnknownListItemDeepInPath_IsAnError()
    {
        var text = WithParameters.Replace("cluster.controllers[ingress-nginx].kind", "cluster.controllers[ingress-ngnix].kind");
        var error = Yaml.SingleError(Yaml.Load(text, new ScenarioLoadOptions { Variant = "contour" }));
        Assert.Equal(ScenarioCodes.BadVariantPath, error.Code);
        Assert.Equal("did you mean 'ingress-nginx'?", error.Hint);
        Assert.Equal("24:9", Yaml.At(error));
    }

    [Theory]
    [InlineData("a..b", "empty field name")]
    [InlineData("a[0", "is not closed")]
    [InlineData("a]b", "has no '['")]
    [InlineData("a[]", "empty selector")]
    [InlineData("a[0]b", "expected '.' or '['")]
    public void OverlayPath_Malformed_ExplainsWhy(string path, string expected)
    {
        Assert.False(Variants.OverlayPath.TryParse(path, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void OverlayPath_QuotedKeyWithDots()
    {
        Assert.True(Variants.OverlayPath.TryParse("metadata.annotations[\"nginx.ingress.kubernetes.io/x\"]", out var path, out _));
        Assert.Equal(["metadata", "annotations", "nginx.ingress.kubernetes.io/x"], path.Steps.Select(s => s.Text));
    }

    [Fact]
    public void Variants_AreListedOnTheLoadedScenario()
    {
        var variants = Load().Scenario!.Spec.Variants;
        Assert.Equal(["contour", "split", "tuned", "broken"], variants.Keys);
        Assert.Equal("Envoy instead of nginx", variants["contour"].Description);
    }
}

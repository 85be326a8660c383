using System.Text.Json.Nodes;

namespace IngressSim.Cli.Tests;

/// <summary>
/// <c>ingress-sim route</c> end to end, on the manifests in Data/: canary.yaml (ingress-nginx with a
/// header/cookie/10 % weight canary), gateway.yaml (two Gateways, a 90/10 HTTPRoute), classes.yaml (two
/// controllers each owning an IngressClass), broken-yaml.yaml (a YAML syntax error on line 4).
/// </summary>
public class RouteCommandTests
{
    private static readonly string DataDirectory = Path.Combine(AppContext.BaseDirectory, "Data");

    private static CliRunner.Outcome Route(params string[] args) => CliRunner.RunIn(DataDirectory, ["route", .. args]);

    private static void AssertJson(string expected, CliRunner.Outcome r)
    {
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(r.Stdout)), $"expected {expected}, got {r.Stdout}");
    }

    [Fact]
    public void Route_HostAndPath_PrintsTheBackendServiceAndPort()
    {
        AssertJson("""{"backend":{"service":"shop","port":80}}""",
            Route("-f", "canary.yaml", "--host", "shop.example.com", "--path", "/cart?id=1", "--json"));
    }

    [Fact]
    public void Route_NoMatchingHost_Prints404()
    {
        AssertJson("""{"status":404}""", Route("-f", "canary.yaml", "--host", "other.example.com", "--path", "/", "--json"));
    }

    [Theory]
    [InlineData("--header", "X-Canary: always", "shop-canary")]
    [InlineData("--header", "x-canary:always", "shop-canary")]
    [InlineData("--header", "X-Canary: never", "shop")]
    [InlineData("--cookie", "session=abc; canary=always", "shop-canary")]
    [InlineData("--cookie", "canary=never", "shop")]
    public void Route_CanaryByHeaderOrCookie_PicksTheCanaryDeterministically(string option, string value, string service)
    {
        // "never" beats the 10 % weight and "always" overrides it, so one request decides (ING annotations.md#canary).
        AssertJson($$$"""{"backend":{"service":"{{{service}}}","port":80}}""",
            Route("-f", "canary.yaml", "--host", "shop.example.com", "--path", "/cart", option, value, "--json"));
    }

    [Fact]
    public void Route_Samples_SplitsByCanaryWeight_AndTheSeedMakesItReproducible()
    {
        string[] args = ["-f", "canary.yaml", "--host", "shop.example.com", "--path", "/", "--samples", "20000", "--seed", "7", "--json"];
        var r = Route(args);
        Assert.Equal(0, r.ExitCode);
        var split = JsonNode.Parse(r.Stdout)!["split"]!.AsObject();
        Assert.Equal(["shop", "shop-canary"], split.Select(s => s.Key)); // most frequent first
        // canary-weight 10: binomial σ of the fraction over 20,000 requests is 0.002; 0.01 is 5σ.
        Assert.InRange(split["shop-canary"]!.GetValue<double>(), 0.09, 0.11);
        Assert.Equal(1.0, split["shop"]!.GetValue<double>() + split["shop-canary"]!.GetValue<double>(), 12);
        Assert.Equal(r.Stdout, Route(args).Stdout);
    }

    [Fact]
    public void Route_WithoutJson_PrintsAReadableLine_AndASplitTable()
    {
        var single = Route("-f", "canary.yaml", "--host", "shop.example.com", "--path", "/cart", "-H", "X-Canary: always");
        Assert.Equal(0, single.ExitCode);
        Assert.Equal(
            "GET http://shop.example.com/cart → default/shop-canary:80 (canary) via Ingress default/shop rule 0 path 0 at canary.yaml:27:13",
            single.Stdout.Trim());

        var split = Route("-f", "canary.yaml", "--host", "shop.example.com", "--path", "/", "--samples", "1000");
        Assert.Equal(0, split.ExitCode);
        Assert.Contains("× 1,000", split.Stdout);
        Assert.Matches(@"shop-canary\s+│\s+\d{2,3}\s+│\s+\d+\.\d %", split.Stdout);
    }

    [Fact]
    public void Route_GatewayManifests_RouteAsTheFirstGateway_OrTheOneNamed()
    {
        // No Ingress: the first Gateway by namespace/name ("internal") is used, with its HTTPRoute "admin".
        AssertJson("""{"backend":{"service":"admin","port":9000}}""",
            Route("-f", "gateway.yaml", "--host", "anything", "--path", "/admin/users", "--json"));
        // Gateway "public": the header match of the /api rule wins over the weighted / rule.
        AssertJson("""{"backend":{"service":"store-v2","port":8080}}""",
            Route("-f", "gateway.yaml", "--gateway", "default/public", "--host", "store.example.com", "--path", "/api/cart",
                "--header", "X-Version: v2", "--json"));
        // A host outside the listener's *.example.com.
        AssertJson("""{"status":404}""",
            Route("-f", "gateway.yaml", "--gateway", "public", "--host", "store.example.org", "--path", "/", "--json"));
    }

    [Fact]
    public void Route_AsOneGateway_DoesNotWarnAboutTheOtherGatewaysRoutes()
    {
        var r = Route("-f", "gateway.yaml", "--gateway", "public", "--host", "store.example.com", "--path", "/");

        Assert.Equal((0, ""), (r.ExitCode, r.Stderr));
    }

    [Fact]
    public void Route_GatewaySamples_FollowBackendRefWeights()
    {
        var r = Route("-f", "gateway.yaml", "--gateway", "public", "--host", "store.example.com", "--path", "/", "--samples", "20000", "--json");
        Assert.Equal(0, r.ExitCode);
        var split = JsonNode.Parse(r.Stdout)!["split"]!.AsObject();
        Assert.InRange(split["store-v1"]!.GetValue<double>(), 0.89, 0.91);
        Assert.InRange(split["store-v2"]!.GetValue<double>(), 0.09, 0.11);
    }

    [Fact]
    public void Route_ControllerClass_RoutesAsThatController()
    {
        string[] request = ["-f", "classes.yaml", "--host", "app.example.com", "--path", "/", "--json"];
        // ingress-nginx owns the default class "external"; the other controller owns "internal".
        AssertJson("""{"backend":{"service":"app","port":80}}""", Route(request));
        AssertJson("""{"backend":{"service":"app-internal","port":8081}}""", Route([.. request, "--controller-class", "example.com/internal-nginx"]));
    }

    [Theory]
    [InlineData("a: 1\nb: [1, 2\nc: 3\n", "m.yaml:2:6: error K8S001: YAML syntax error")]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: ~\n", "m.yaml:3:11: error K8S009: Service: required field metadata.name is missing")]
    public void Route_ManifestsTheYamlLibraryChokesOn_ExitWith2_AndALocatedError(string manifests, string expected)
    {
        var directory = Directory.CreateTempSubdirectory("ingresssim-route-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "m.yaml"), manifests);
            var r = CliRunner.RunIn(directory.FullName, "route", "-f", "m.yaml", "--host", "a", "--path", "/");

            Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}: {r.Stderr}");
            Assert.StartsWith(expected, r.Stderr);
            Assert.DoesNotContain("   at ", r.Stderr);
        }
        finally { directory.Delete(recursive: true); }
    }

    [Theory]
    [InlineData("missing.yaml:", "error K8S002: manifest file 'missing.yaml' does not exist", "-f", "missing.yaml", "--host", "a", "--path", "/")]
    [InlineData("broken-yaml.yaml:", "broken-yaml.yaml:4:9: error K8S001: YAML syntax error", "-f", "broken-yaml.yaml", "--host", "a", "--path", "/")]
    [InlineData("hint", "    hint: fix the YAML at this position", "-f", "broken-yaml.yaml", "--host", "a", "--path", "/")]
    [InlineData("header", "--header 'X-Canary always': expected 'Name: value'", "-f", "canary.yaml", "--host", "a", "--path", "/", "--header", "X-Canary always")]
    [InlineData("header name", "--header ': v': expected 'Name: value'", "-f", "canary.yaml", "--host", "a", "--path", "/", "--header", ": v")]
    [InlineData("cookie", "--cookie 'a=1; canary': expected 'name=value'", "-f", "canary.yaml", "--host", "a", "--path", "/", "--cookie", "a=1; canary")]
    [InlineData("path", "--path 'cart' must start with '/'", "-f", "canary.yaml", "--host", "a", "--path", "cart")]
    [InlineData("samples", "--samples must be between 1 and", "-f", "canary.yaml", "--host", "a", "--path", "/", "--samples", "0")]
    [InlineData("scheme", "'ftp' not recognized", "-f", "canary.yaml", "--host", "a", "--path", "/", "--scheme", "ftp")]
    [InlineData("gateway syntax", "--gateway 'a/b/c': expected NAMESPACE/NAME or NAME", "-f", "gateway.yaml", "--host", "a", "--path", "/", "--gateway", "a/b/c")]
    [InlineData("gateway missing", "gateway.yaml:2:1: error RTE003: Gateway default/nope is not in the manifests", "-f", "gateway.yaml", "--host", "a", "--path", "/", "--gateway", "nope")]
    [InlineData("both selections", "give one or the other", "-f", "gateway.yaml", "--host", "a", "--path", "/", "--gateway", "public", "--controller-class", "x")]
    [InlineData("no file", "Option '--file' is required", "--host", "a", "--path", "/")]
    public void Route_BadInput_ExitsWith2_AndAClearMessage(string what, string expected, params string[] args)
    {
        var r = Route(args);
        Assert.True(r.ExitCode == 2, $"{what}: exit {r.ExitCode}");
        Assert.Contains(expected, r.Stderr);
        Assert.Equal("", r.Stdout);
        Assert.DoesNotContain("   at ", r.Stderr);
    }
}

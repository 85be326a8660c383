using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Tests;

/// <summary>Each class of bad input gets a located, coded error; line:col count from the first line of the inline YAML.</summary>
public class LoaderErrorTests
{
    [Fact]
    public void Valid_Loads()
    {
        var result = Yaml.Load(Yaml.Valid);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        Assert.Equal("test", result.Scenario!.Name);
        Assert.Equal(2, result.Scenario.Spec.Cluster.Controllers[0].Replicas);
    }

    [Fact]
    public void WrongType_ReplicasAbc()
    {
        var error = Yaml.SingleError(Yaml.Load(Yaml.Valid.Replace("replicas: 2", "replicas: abc")));
        Assert.Equal(ScenarioCodes.InvalidValue, error.Code);
        Assert.Equal("15:19", Yaml.At(error));
        Assert.Contains("'abc' is not a whole number", error.Message);
        Assert.Equal("/virtual/test.yaml:15:19: error SCN011: 'abc' is not a whole number", error.ToString());
    }

    [Fact]
    public void WrongType_MappingWhereScalarExpected()
    {
        var error = Yaml.SingleError(Yaml.Load(Yaml.Valid.Replace("duration: 10m", "duration: {minutes: 10}")));
        Assert.Equal(ScenarioCodes.WrongType, error.Code);
        Assert.Equal("6:13", Yaml.At(error));
    }

    [Fact]
    public void UnknownField_SuggestsTheClosest()
    {
        var error = Yaml.SingleError(Yaml.Load(Yaml.Valid.Replace("replicas: 2", "replicas: 2\n        replcas: 3")));
        Assert.Equal(ScenarioCodes.UnknownField, error.Code);
        Assert.Equal("16:9", Yaml.At(error));
        Assert.Equal("did you mean 'replicas'?", error.Hint);
    }

    [Fact]
    public void UnknownField_FarFromAnything_ListsFields()
    {
        var error = Yaml.SingleError(Yaml.Load(Yaml.Valid.Replace("  duration: 10m", "  duration: 10m\n  zzzzzzzzzz: 1")));
        Assert.StartsWith("expected one of: seed, duration", error.Hint);
    }

    [Fact]
    public void MissingRequiredField_PointsAtTheRecord()
    {
        var error = Yaml.SingleError(Yaml.Load(Yaml.Valid.Replace("\n        replicas: 2", "")));
        Assert.Equal(ScenarioCodes.MissingField, error.Code);
        Assert.Contains("'replicas'", error.Message);
        Assert.Equal("14:9", Yaml.At(error));
    }

    [Theory]
    [InlineData("rate: {constant: 100/s}", "rate: {constant: 100 per s}", "11:26", ScenarioCodes.InvalidValue, "no time unit")]
    [InlineData("duration: 10m", "duration: 10", "6:13", ScenarioCodes.InvalidValue, "has no unit")]
    [InlineData("duration: 10m", "duration: 10 fortnights", "6:13", ScenarioCodes.InvalidValue, "unknown time unit")]
    public void UnknownUnits(string from, string to, string at, string code, string message)
    {
        var error = Yaml.SingleError(Yaml.Load(Yaml.Valid.Replace(from, to)));
        Assert.Equal(code, error.Code);
        Assert.Equal(at, Yaml.At(error));
        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("replicas: 2", "replicas: -1", "15:19")]
    [InlineData("replicas: 2", "replicas: 5000", "15:19")]
    [InlineData("duration: 10m", "duration: -5s", "6:13")]
    [InlineData("duration: 10m", "duration: 9999d", "6:13")]
    [InlineData("rate: {constant: 100/s}", "rate: {constant: 1G/s}", "11:26")]
    public void AbsurdValues_AreOutOfRange(string from, string to, string at)
    {
        var error = Yaml.SingleError(Yaml.Load(Yaml.Valid.Replace(from, to)));
        Assert.Equal(ScenarioCodes.OutOfRange, error.Code);
        Assert.Equal(at, Yaml.At(error));
        Assert.StartsWith("use a value between", error.Hint);
    }

    [Fact]
    public void OneOf_TwoChoices_IsAnError()
    {
        var error = Yaml.SingleError(Yaml.Load(Yaml.Valid.Replace("rate: {constant: 100/s}", "rate: {constant: 100/s, ramp: {from: 1/s, to: 2/s, end: 1m}}")));
        Assert.Equal(ScenarioCodes.OneOf, error.Code);
        Assert.Contains("found constant and ramp", error.Message);
    }

    [Fact]
    public void OneOf_NoChoice_ListsThem()
    {
        var error = Yaml.SingleError(Yaml.Load(Yaml.Valid.Replace("rate: {constant: 100/s}", "rate: {}")));
        Assert.Equal(ScenarioCodes.OneOf, error.Code);
        Assert.Contains("constant, steps, ramp, diurnal, bursts, csv", error.Message);
    }

    [Fact]
    public void Inconsistent_LogNormal_P99BelowMedian()
    {
        var text = Yaml.Valid + "\n    defaultWorkload:\n      serviceTime: {lognormal: {median: 50ms, p99: 10ms}}";
        var error = Yaml.SingleError(Yaml.Load(text));
        Assert.Equal(ScenarioCodes.Inconsistent, error.Code);
        Assert.Equal("17:52", Yaml.At(error));
    }

    [Fact]
    public void Inconsistent_PhaseAfterTheEnd_PointsAtThePhase()
    {
        var text = Yaml.Valid.Replace("  duration: 10m", "  duration: 10m\n  phases:\n    - {name: a, start: 0s, end: 5m}\n    - {name: b, start: 5m, end: 20m}");
        var error = Yaml.SingleError(Yaml.Load(text));
        Assert.Equal("9:7", Yaml.At(error));
        Assert.Contains("phase 'b' ends at 20m", error.Message);
    }

    private const string ShopManifests = """

            manifests: |
              apiVersion: v1
              kind: Service
              metadata: {name: shop, namespace: default}
              spec: {selector: {app: shop}, ports: [{port: 80}]}
              ---
              apiVersion: networking.k8s.io/v1
              kind: Ingress
              metadata: {name: shop, namespace: default}
              spec:
                rules: [{host: shop.example.com, http: {paths: [{path: /, pathType: Prefix, backend: {service: {name: shop, port: {number: 80}}}}]}}]
        """;

    [Theory]
    [InlineData("{at: 1m, deploy: {service: shpo}}", "deploy.service 'shpo': no Service", "did you mean 'shop'?", "28:34")]
    [InlineData("{at: 1m, crashPod: {service: cart}}", "crashPod.service 'cart': no Service", "expected one of: shop", "28:36")]
    [InlineData("{at: 1m, scale: {deployment: shop, replicas: 2}}", "scale.deployment 'shop': no Deployment", "the manifests define no Deployment: add one, or remove this action", "28:36")]
    [InlineData("{at: 1m, touchIngress: {ingress: other/shop}}", "touchIngress.ingress 'other/shop': no Ingress", "expected one of: default/shop", "28:40")]
    [InlineData("{at: 1m, renewCertificate: {ingress: shop}}", "renewCertificate.ingress 'shop': the Ingress has no tls: section", "add spec.tls", "28:44")]
    public void Inconsistent_TimelineNamesAnObjectTheManifestsLack_PointsAtTheName(string action, string message, string hint, string at)
    {
        var text = Yaml.Valid + ShopManifests + "\n  timeline:\n    - " + action;
        var error = Yaml.SingleError(Yaml.Load(text));
        Assert.Equal(ScenarioCodes.Inconsistent, error.Code);
        Assert.Contains(message, error.Message);
        Assert.Contains(hint, error.Hint);
        Assert.Equal(at, Yaml.At(error));
    }

    [Fact]
    public void TimelineNamesExistingObjects_Loads()
    {
        var text = Yaml.Valid + ShopManifests + "\n  timeline:\n    - {at: 1m, deploy: {service: default/shop}}\n    - {at: 2m, touchIngress: {ingress: shop}}";
        var result = Yaml.Load(text);
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
    }

    [Fact]
    public void WrongApiVersionAndKind_AreBothReported()
    {
        var result = Yaml.Load(Yaml.Valid.Replace("ingresssim.dev/v1alpha1", "ingresssim.dev/v2").Replace("kind: Scenario", "kind: Scenaro"));
        Assert.Equal(["1:13", "2:7"], result.Diagnostics.Select(Yaml.At));
    }

    [Fact]
    public void AllProblems_AreReportedInOnePass()
    {
        var text = Yaml.Valid
            .Replace("duration: 10m", "duration: 10")
            .Replace("host: shop.example.com", "hots: shop.example.com")
            .Replace("replicas: 2", "replicas: abc");
        var result = Yaml.Load(text);
        Assert.Null(result.Scenario);
        Assert.Equal([ScenarioCodes.InvalidValue, ScenarioCodes.UnknownField, ScenarioCodes.InvalidValue],
            result.Diagnostics.Select(d => d.Code));
        Assert.Equal(["6:13", "10:9", "15:19"], result.Diagnostics.Select(Yaml.At));
    }

    [Fact]
    public void YamlSyntaxError_IsLocated()
    {
        var error = Yaml.SingleError(Yaml.Load(Yaml.Valid.Replace("name: web", "name: \"web")));
        Assert.Equal(ScenarioCodes.YamlSyntax, error.Code);
        Assert.Equal(9, error.Location.Line);
    }

    [Fact]
    public void EmptyFile_IsNotAScenario()
    {
        Assert.Equal(ScenarioCodes.NotAScenario, Yaml.SingleError(Yaml.Load("# nothing\n")).Code);
    }

    [Fact]
    public void SeveralDocuments_AreNotAScenario()
    {
        var error = Yaml.SingleError(Yaml.Load(Yaml.Valid + "\n---\napiVersion: v1\nkind: Service\n"));
        Assert.Equal(ScenarioCodes.NotAScenario, error.Code);
        Assert.Equal(17, error.Location.Line);
    }

    [Fact]
    public void MissingFile_IsReported_WithThePathResolvedFromTheCurrentDirectory()
    {
        var error = Yaml.SingleError(ScenarioLoader.Load("nonexistent/scenario.yaml"));

        Assert.Equal(ScenarioCodes.FileNotFound, error.Code);
        Assert.Contains(Path.GetFullPath("nonexistent/scenario.yaml"), error.Hint);
        Assert.DoesNotContain("scenario file's folder", error.Hint);
    }

    [Fact]
    public void OversizedFile_IsRefusedBeforeReading()
    {
        var path = Path.Combine(Path.GetTempPath(), $"ingresssim-big-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Yaml.Valid + "\n# " + new string('x', 5000));
        try
        {
            var result = ScenarioLoader.Load(path, new ScenarioLoadOptions { Limits = new YamlLimits { MaxFileBytes = 1000 } });
            Assert.Equal(ScenarioCodes.FileTooLarge, Yaml.SingleError(result).Code);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void MissingReferencedFiles_PointAtTheirNames()
    {
        var text = Yaml.Valid.Replace("rate: {constant: 100/s}", "rate: {csv: {file: nowhere.csv}}")
                   + "\n    manifestFiles: [missing.yaml]";
        var result = Yaml.Load(text);
        Assert.Equal(["11:28", "16:21"], result.Diagnostics.Select(Yaml.At));
        Assert.All(result.Diagnostics, d => Assert.Equal(ScenarioCodes.FileNotFound, d.Code));
    }

    [Fact]
    public void AliasBomb_InAScenario_IsRejected()
    {
        var bomb = "x0: &a0 [l, l, l, l, l, l, l, l, l, l]\n" + string.Join("\n", Enumerable.Range(1, 8)
            .Select(i => $"x{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]"));
        var result = Yaml.Load(bomb + "\n" + Yaml.Valid);
        Assert.Equal(ScenarioCodes.AliasLimit, Yaml.SingleError(result).Code);
    }

    [Fact]
    public void EmptyListItem_IsReported()
    {
        var error = Yaml.SingleError(Yaml.Load(Yaml.Valid.Replace("    sources:\n", "    sources:\n      -\n")));
        Assert.Equal(ScenarioCodes.MissingField, error.Code);
    }

    [Fact]
    public void Diagnostic_Severity_IsErrorForLoadProblems()
    {
        Assert.All(Yaml.Load(Yaml.Valid.Replace("replicas: 2", "replicas: x")).Diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
    }
}

public class BrokenManifestTests
{
    [Theory]
    [InlineData("apiVersion: v1\nkind: Service\nmetadata: ~\n", "K8S009", 3)]
    [InlineData("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: a}\nspec: ~\n", "K8S009", 4)]
    [InlineData("a: 1\nb: [1, 2\nc: 3\n", "K8S001", 2)]
    public void BrokenManifestFile_IsReportedAtItsLine(string manifests, string code, int line)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ingresssim-broken-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, manifests);
        try
        {
            var error = Assert.Single(Validation.ValidationRun.Validate([path]).Diagnostics, d => d.Severity == Severity.Error);
            Assert.Equal((code, path, line), (error.Code, error.Location.File, error.Location.Line));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void UnclosedBracketInInlineManifests_IsReportedAtTheScenarioLine()
    {
        var error = Yaml.SingleError(Yaml.Load(Yaml.Valid + "\n    manifests: |\n      a: 1\n      b: [1, 2\n      c: 3\n"));

        Assert.Equal(("K8S001", Yaml.Path, 18), (error.Code, error.Location.File, error.Location.Line));
    }
}

public class ListItemRangeTests
{
    [Fact]
    public void EmpiricalSamples_AreRangeCheckedOneByOne()
    {
        var text = Yaml.Valid + "\n    defaultWorkload:\n      serviceTime: {empirical: [1ms, -2ms, 3ms]}";
        var error = Yaml.SingleError(Yaml.Load(text));
        Assert.Equal(ScenarioCodes.OutOfRange, error.Code);
        Assert.Equal("17:38", Yaml.At(error));
    }
}

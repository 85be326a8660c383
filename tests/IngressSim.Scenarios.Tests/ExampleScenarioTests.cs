using IngressSim.Engine.Time;
using IngressSim.Scenarios.Cluster;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Traffic;

namespace IngressSim.Scenarios.Tests;

public class ExampleScenarioTests
{
    public static TheoryData<string> ValidExamples() => new(Directory.GetFiles(RepoPaths.Examples, "*.yaml").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(ValidExamples))]
    public void Example_LoadsWithoutDiagnostics_InEveryVariant(string file)
    {
        var path = RepoPaths.Example(file);
        var base_ = ScenarioLoader.Load(path);
        Assert.True(base_.Succeeded, string.Join("\n", base_.Diagnostics));
        Assert.Empty(base_.Diagnostics);
        foreach (var variant in base_.Scenario!.Spec.Variants.Keys)
        {
            var result = ScenarioLoader.Load(path, new ScenarioLoadOptions { Variant = variant });
            Assert.True(result.Succeeded, variant + ":\n" + string.Join("\n", result.Diagnostics));
        }
    }

    [Fact]
    public void Example_StartsWithTheSchemaComment()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Examples, "*.yaml"))
            Assert.StartsWith("# yaml-language-server: $schema=../scenario.schema.json", File.ReadAllText(file));
    }

    [Fact]
    public void Storefront_BindsTheWholeTree()
    {
        var scenario = ScenarioLoader.Load(RepoPaths.Example("storefront.yaml")).Scenario!;
        var spec = scenario.Spec;
        Assert.Equal(42, spec.Seed);
        Assert.Equal(Duration.FromHours(1), spec.Duration);
        Assert.Equal(["baseline", "storm"], spec.Phases.Select(p => p.Name));

        var web = spec.Traffic.Sources[0];
        Assert.Equal("shop", web.Fleet);
        Assert.Equal(TlsVersion.Tls13, web.Tls.Version);
        Assert.Equal(0.3, web.Tls.Resumption.Fraction, 12);
        Assert.Equal(2, web.Retry!.Count);
        Assert.Equal("POST", web.Requests[1].Method);
        Assert.Equal("always", web.Requests[1].Headers["X-Canary"]);
        var series = scenario.RateSeries["data/black-friday-rates.csv"];
        Assert.Equal(5, series.Points.Count);
        Assert.Equal(new RateSeries.Point(Duration.FromSeconds(1800), new Units.Rate(4000)), series.Points[3]);

        var live = spec.Traffic.Sources[1];
        Assert.Equal(600, live.WebSocket!.Lifetime.MeanSeconds(), 9);

        var nginx = spec.Cluster.Controllers[0];
        Assert.True(nginx.Nginx.ReloadOnEndpointChange);
        Assert.Equal(2000, nginx.Cpu.Millicores);
        Assert.Equal(1000, nginx.RateLimit!.Rps!.Value.PerSecond);
        Assert.Equal(Duration.FromSeconds(240), nginx.Nginx.WorkerShutdownTimeout);
        Assert.Equal(KubeProxyMode.Ipvs, spec.Cluster.KubeProxy.Mode);

        var fleet = spec.Cluster.Fleets[0];
        Assert.Equal(20, fleet.Count);
        Assert.Equal("svc-7.shop.example.com", fleet.HostOf(7));
        Assert.Equal(0.7, fleet.Hpa!.TargetCpuUtilization.Fraction, 12);
        Assert.Equal(0.025, fleet.Workload.ServiceTime.MeanSeconds(), 12);

        var ramp = spec.Timeline[0].Deploys!.Rate.Ramp!;
        Assert.Equal(500.0 / 86_400, ramp.To.PerSecond);
        Assert.Equal(Duration.FromSeconds(20), spec.Timeline[1].CrashController!.RestartAfter);
    }

    [Fact]
    public void Storefront_Variants_ChangeOnlyWhatTheySay()
    {
        var path = RepoPaths.Example("storefront.yaml");
        var contour = ScenarioLoader.Load(path, new ScenarioLoadOptions { Variant = "contour" }).Scenario!;
        Assert.Equal(ControllerKind.Envoy, contour.Spec.Cluster.Controllers[0].Kind);
        var batch = ScenarioLoader.Load(path, new ScenarioLoadOptions { Variant = "batch-5s" }).Scenario!;
        Assert.Equal(Duration.FromSeconds(5), batch.Spec.Cluster.Controllers[0].BatchWindow);
        Assert.Equal("5s", batch.Parameters["batchWindow"]);
    }
}

public class ScenarioManifestTests
{
    [Fact]
    public void Minimal_ReadsInlineManifests_AndGeneratesTheControllersClass()
    {
        var scenario = ScenarioLoader.Load(RepoPaths.Example("minimal.yaml")).Scenario!;
        Assert.Equal(["Service", "Deployment", "Ingress", "IngressClass"], scenario.Manifests.Objects.Select(o => o.Kind));
        var ingress = scenario.Manifests.OfKind<Kubernetes.Networking.Ingress>().Single();
        // The Ingress document starts on the line after the second '---' inside the block.
        Assert.Equal(42, ingress.Source.Start.Line);
        Assert.Equal(7, ingress.Source.Start.Column);
        Assert.Equal(8, scenario.WorkloadOf("default", "shop").Concurrency);
    }

    [Fact]
    public void InlineManifestError_PointsIntoTheScenarioFile()
    {
        var text = File.ReadAllText(RepoPaths.Example("minimal.yaml")).Replace("pathType: Prefix", "pathType: Sideways");
        var result = ScenarioLoader.LoadText(text, RepoPaths.Example("minimal.yaml"));
        var error = Yaml.SingleError(result);
        Assert.StartsWith("K8S", error.Code);
        Assert.Equal(52, error.Location.Line);
    }

    [Fact]
    public void Storefront_ExpandsTheFleet_AndReadsManifestFiles()
    {
        var scenario = ScenarioLoader.Load(RepoPaths.Example("storefront.yaml")).Scenario!;
        var objects = scenario.Manifests.Objects;
        Assert.Equal(20 * 4 + 3 + 1, objects.Count);
        var hpa = scenario.Manifests.OfKind<Kubernetes.Autoscaling.HorizontalPodAutoscaler>().First(h => h.Metadata.Name == "svc-3");
        Assert.Equal(10, hpa.Spec.MaxReplicas);
        Assert.Equal(70, hpa.Spec.Metrics[0].Resource!.Target.AverageUtilization);
        var ingress = scenario.Manifests.OfKind<Kubernetes.Networking.Ingress>().First(i => i.Metadata.Name == "svc-3");
        Assert.Equal("svc-3.shop.example.com", ingress.Spec.Rules[0].Host);
        Assert.Equal(61, ingress.Source.Start.Line);
        var generatedClass = scenario.Manifests.OfKind<Kubernetes.Networking.IngressClass>().Single();
        Assert.True(generatedClass.IsDefault);
        Assert.Same(scenario.Spec.Cluster.Fleets[0].Workload, scenario.WorkloadOf("default", "svc-12"));
    }
}

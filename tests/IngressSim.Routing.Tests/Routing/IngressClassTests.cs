namespace IngressSim.Routing.Tests.Routing;

public class IngressClassTests
{
    private static readonly IngressControllerSelection Nginx = IngressControllerSelection.IngressNginx;

    [Fact]
    public void Route_IngressOfAClassAnotherControllerOwns_IsNotServed()
    {
        var router = Manifests.Compile(Nginx,
            Manifests.IngressClass("contour", "projectcontour.io/contour"),
            Manifests.Ingress("a", "a.com", "/", "Prefix", "svc", className: "contour"),
            Manifests.Service("svc"));

        Assert.Equal(404, router.Route("a.com", "/").Status);
    }

    [Fact]
    public void Route_IngressOfItsOwnClassObject_IsServedWhateverTheClassName()
    {
        var router = Manifests.Compile(Nginx,
            Manifests.IngressClass("external", "k8s.io/ingress-nginx"),
            Manifests.Ingress("a", "a.com", "/", "Prefix", "svc", className: "external"),
            Manifests.Service("svc"));

        Assert.True(router.Route("a.com", "/").IsProxied);
    }

    [Fact]
    public void Route_IngressWithoutClass_GetsTheDefaultClass()
    {
        string[] docs = [Manifests.Ingress("a", "a.com", "/", "Prefix", "svc", className: null), Manifests.Service("svc")];

        var ownedDefault = Manifests.Compile(Nginx, [Manifests.IngressClass("nginx", "k8s.io/ingress-nginx", isDefault: true), .. docs]);
        var otherDefault = Manifests.Compile(Nginx, [Manifests.IngressClass("other", "example.com/other", isDefault: true), .. docs]);
        var twoDefaults = Manifests.Compile(Nginx,
            [Manifests.IngressClass("nginx", "k8s.io/ingress-nginx", isDefault: true), Manifests.IngressClass("b", "k8s.io/ingress-nginx", isDefault: true), .. docs]);

        Assert.True(ownedDefault.Route("a.com", "/").IsProxied);
        Assert.Equal(404, otherDefault.Route("a.com", "/").Status);
        Assert.Equal(404, twoDefaults.Route("a.com", "/").Status);
    }

    [Fact]
    public void Route_IngressWithoutClassAndNoDefault_IsServedOnlyWhenWatchingClasslessIngresses()
    {
        string[] docs = [Manifests.Ingress("a", "a.com", "/", "Prefix", "svc", className: null), Manifests.Service("svc")];

        Assert.Equal(404, Manifests.Compile(Nginx, docs).Route("a.com", "/").Status);
        Assert.True(Manifests.Compile(Nginx with { WatchIngressWithoutClass = true }, docs).Route("a.com", "/").IsProxied);
    }

    [Theory]
    [InlineData("nginx", true)]
    [InlineData("other", false)]
    public void Route_LegacyClassAnnotation_MustNameTheControllersClass(string annotation, bool served)
    {
        var router = Manifests.Compile(Nginx with { WatchIngressWithoutClass = true },
            Manifests.Ingress("a", "a.com", "/", "Prefix", "svc", className: null, annotations: new Dictionary<string, string> { ["kubernetes.io/ingress.class"] = annotation }),
            Manifests.Service("svc"));

        Assert.Equal(served, router.Route("a.com", "/").IsProxied);
    }

    [Fact]
    public void ForManifests_PicksGatewayOnlyWithoutIngresses()
    {
        const string gateway = """
            apiVersion: gateway.networking.k8s.io/v1
            kind: Gateway
            metadata: {name: gw, namespace: infra}
            spec: {gatewayClassName: x, listeners: [{name: http, port: 80, protocol: HTTP}]}
            """;
        var gatewayOnly = Manifests.Read(gateway);
        var withIngress = Manifests.Read(gateway, Manifests.Ingress("a", "a", "/", "Prefix", "s"), Manifests.IngressClass("nginx", "k8s.io/ingress-nginx"));
        var withoutClasses = Manifests.Read(Manifests.Ingress("a", "a", "/", "Prefix", "s"));

        Assert.Equal(new GatewaySelection("gw", "infra"), ControllerSelection.ForManifests(gatewayOnly.Objects));
        Assert.Equal(IngressControllerSelection.IngressNginx, ControllerSelection.ForManifests(withIngress.Objects));
        Assert.True(((IngressControllerSelection)ControllerSelection.ForManifests(withoutClasses.Objects)).WatchIngressWithoutClass);
    }
}

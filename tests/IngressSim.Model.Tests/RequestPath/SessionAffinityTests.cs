namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// The article's sticky-session edge case (MODEL_FACTS §2): ingress-nginx cookie affinity pins a client
/// to the pod that first served it — unless service-upstream sends nginx to the ClusterIP, where
/// kube-proxy picks the pod and the cookie no longer pins anything.
/// </summary>
public class SessionAffinityTests
{
    private static PathScenario Sticky(bool serviceUpstream, string kubeProxy = "iptables") => new()
    {
        Duration = "20s",
        Rate = "{constant: 100/s}",
        Clients = 50, // each client sends many requests
        PodReplicas = 4,
        IngressAnnotations = "nginx.ingress.kubernetes.io/affinity: cookie",
        ControllerExtras = serviceUpstream ? ["serviceUpstream: true"] : [],
        KubeProxyMode = kubeProxy,
    };

    [Fact]
    public void Execute_CookieAffinityDirectToPods_KeepsSessions()
    {
        var (result, _) = PathRuns.Execute(Sticky(serviceUpstream: false).Load());
        Assert.True(result.Affinity.Requests > 1000);
        // Only a request sent before the client's first response set the cookie can land elsewhere.
        Assert.True(result.Affinity.BrokenFraction < 0.01, $"broken {result.Affinity.BrokenFraction:P2}");
    }

    [Theory]
    [InlineData("iptables")]
    [InlineData("ipvs")]
    public void Execute_CookieAffinityThroughServiceUpstream_BreaksMostSessions(string mode)
    {
        var (result, _) = PathRuns.Execute(Sticky(serviceUpstream: true, mode).Load());
        Assert.True(result.Affinity.Requests > 1000);
        // kube-proxy spreads each client's requests over 4 pods: about 3 in 4 miss the cookie's pod.
        Assert.InRange(result.Affinity.BrokenFraction, 0.6, 0.9);
    }
}

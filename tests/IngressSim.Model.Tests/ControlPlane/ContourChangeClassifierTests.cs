using IngressSim.Model.Controllers.Envoy;
using IngressSim.Model.Controllers.Sync;

namespace IngressSim.Model.Tests.ControlPlane;

public class ContourChangeClassifierTests
{
    // One row per ConfigChangeKind: the xDS types Contour sends (C = CDS, E = EDS, L = LDS, R = RDS) and
    // whether a filter chain holding connections is replaced (D = drains). Sources in ContourChangeClassifier.
    [Theory]
    [InlineData(ConfigChangeKind.IngressCreated, "CER")]
    [InlineData(ConfigChangeKind.IngressDeleted, "CR")]
    [InlineData(ConfigChangeKind.IngressPathAdded, "R")]
    [InlineData(ConfigChangeKind.IngressPathRemoved, "R")]
    [InlineData(ConfigChangeKind.IngressUpstreamAnnotationChanged, "CE")]
    [InlineData(ConfigChangeKind.IngressAnnotationChanged, "R")]
    [InlineData(ConfigChangeKind.IngressTlsAdded, "LR")]
    [InlineData(ConfigChangeKind.IngressLabelsChanged, "")]
    [InlineData(ConfigChangeKind.ServiceCreated, "CER")]
    [InlineData(ConfigChangeKind.ServiceDeleted, "CR")]
    [InlineData(ConfigChangeKind.EndpointsChanged, "E")]
    [InlineData(ConfigChangeKind.SecretCreated, "LR")]
    [InlineData(ConfigChangeKind.CertificateSecretUpdated, "LD")]
    [InlineData(ConfigChangeKind.AuthSecretUpdated, "LD")]
    [InlineData(ConfigChangeKind.SecretDeleted, "LRD")]
    [InlineData(ConfigChangeKind.ConfigMapChanged, "CLRD")]
    public void Classify_EachChangeKind_SendsItsXdsTypes(ConfigChangeKind change, string expected) =>
        Assert.Equal(expected, Letters(ContourChangeClassifier.Classify(change)));

    [Fact]
    public void Classify_CoversEveryChangeKind() =>
        Assert.All(Enum.GetValues<ConfigChangeKind>(), kind => ContourChangeClassifier.Classify(kind));

    [Fact]
    public void Union_OfARouteChangeAndACertificateRenewal_SendsBothAndDrains()
    {
        var both = ContourChangeClassifier.Classify(ConfigChangeKind.IngressAnnotationChanged)
            .Union(ContourChangeClassifier.Classify(ConfigChangeKind.CertificateSecretUpdated));
        Assert.Equal("LRD", Letters(both));
    }

    private static string Letters(ContourChange c) =>
        (c.Clusters ? "C" : "") + (c.Endpoints ? "E" : "") + (c.Listeners ? "L" : "") + (c.Routes ? "R" : "") + (c.ReplacesFilterChain ? "D" : "");
}

using IngressSim.Model.Controllers.Nginx;
using IngressSim.Model.Controllers.Sync;

namespace IngressSim.Model.Tests.ControlPlane;

public class NginxChangeClassifierTests
{
    private static readonly NginxChangeClassifier Modern = new(reloadOnEndpointChange: false);
    private static readonly NginxChangeClassifier Legacy = new(reloadOnEndpointChange: true);

    // ING docs/how-it-works.md "When a reload is required", MODEL_FACTS §1.
    [Theory]
    [InlineData(ConfigChangeKind.IngressCreated)]
    [InlineData(ConfigChangeKind.IngressDeleted)]
    [InlineData(ConfigChangeKind.IngressPathAdded)]
    [InlineData(ConfigChangeKind.IngressPathRemoved)]
    [InlineData(ConfigChangeKind.IngressAnnotationChanged)]
    [InlineData(ConfigChangeKind.IngressTlsAdded)]
    [InlineData(ConfigChangeKind.ServiceCreated)]
    [InlineData(ConfigChangeKind.ServiceDeleted)]
    [InlineData(ConfigChangeKind.SecretCreated)]
    [InlineData(ConfigChangeKind.SecretDeleted)]
    [InlineData(ConfigChangeKind.AuthSecretUpdated)]
    [InlineData(ConfigChangeKind.ConfigMapChanged)]
    public void Classify_ReloadTriggers_Reload(ConfigChangeKind change)
    {
        Assert.Equal(NginxUpdate.Reload, Modern.Classify(change));
        Assert.Equal(NginxUpdate.Reload, Legacy.Classify(change));
    }

    [Theory]
    [InlineData(ConfigChangeKind.EndpointsChanged)]
    [InlineData(ConfigChangeKind.IngressUpstreamAnnotationChanged)]
    [InlineData(ConfigChangeKind.CertificateSecretUpdated)]
    public void Classify_BackendAndCertificateChanges_AreDynamicUnlessLegacy(ConfigChangeKind change)
    {
        Assert.Equal(NginxUpdate.DynamicUpdate, Modern.Classify(change));
        Assert.Equal(NginxUpdate.Reload, Legacy.Classify(change));
    }

    [Fact]
    public void Classify_LabelsOnly_NoChangeInEitherMode()
    {
        Assert.Equal(NginxUpdate.NoChange, Modern.Classify(ConfigChangeKind.IngressLabelsChanged));
        Assert.Equal(NginxUpdate.NoChange, Legacy.Classify(ConfigChangeKind.IngressLabelsChanged));
    }

    [Fact]
    public void Classify_EveryKind_IsCovered()
    {
        foreach (var change in Enum.GetValues<ConfigChangeKind>())
            Assert.True(Enum.IsDefined(Modern.Classify(change)));
    }

    [Fact]
    public void Classify_Batch_TakesTheMostExpensiveOutcome()
    {
        Assert.Equal(NginxUpdate.NoChange, Modern.Classify([]));
        Assert.Equal(NginxUpdate.NoChange, Modern.Classify([ConfigChangeKind.IngressLabelsChanged]));
        Assert.Equal(NginxUpdate.DynamicUpdate,
            Modern.Classify([ConfigChangeKind.EndpointsChanged, ConfigChangeKind.IngressLabelsChanged, ConfigChangeKind.EndpointsChanged]));
        Assert.Equal(NginxUpdate.Reload,
            Modern.Classify([ConfigChangeKind.EndpointsChanged, ConfigChangeKind.IngressPathAdded, ConfigChangeKind.EndpointsChanged]));
    }

    [Fact]
    public void Classify_UnknownKind_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Modern.Classify((ConfigChangeKind)999));
}

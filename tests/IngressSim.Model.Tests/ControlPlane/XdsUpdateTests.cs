using IngressSim.Engine.Time;
using IngressSim.Model.Controllers.Envoy;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Tests.ControlPlane;

public class XdsUpdateTests
{
    private static readonly EnvoySpec Spec = new()
    {
        UpdateBase = Duration.FromMilliseconds(2),
        UpdatePerResource = Duration.FromMicroseconds(250),
        DrainTime = Duration.FromSeconds(600),
    };

    [Fact]
    public void Sequence_SendsCdsEdsLdsRdsInOrder_EachAfterThePrevious()
    {
        var start = Instant.FromSeconds(10);
        var steps = new XdsUpdate(Spec).Sequence(new XdsChangeSet(Clusters: 2, Endpoints: 2, Listeners: 1, Routes: 4), start);

        Assert.Equal([XdsResourceType.Cluster, XdsResourceType.Endpoint, XdsResourceType.Listener, XdsResourceType.Route],
            steps.Select(s => s.Type));
        Assert.Equal(start, steps[0].Start);
        for (int i = 1; i < steps.Count; i++) Assert.Equal(steps[i - 1].Applied, steps[i].Start);
        Assert.Equal(Duration.FromMicroseconds(2500), steps[0].Applied - steps[0].Start);
        Assert.Equal(Duration.FromMicroseconds(3000), steps[3].Applied - steps[3].Start);
        Assert.Equal(start + Duration.FromMicroseconds(2500 + 2500 + 2250 + 3000), steps[3].Applied);
    }

    [Fact]
    public void Sequence_OnlyListenerUpdatesDrain()
    {
        var steps = new XdsUpdate(Spec).Sequence(new XdsChangeSet(1, 1, 1, 1, DrainsListener: true), Instant.Zero);
        Assert.All(steps.Where(s => s.Type != XdsResourceType.Listener), s => Assert.Null(s.ListenerDrainEnds));
        var lds = steps.Single(s => s.Type == XdsResourceType.Listener);
        Assert.Equal(lds.Applied + Duration.FromSeconds(600), lds.ListenerDrainEnds);
    }

    [Fact]
    public void Sequence_ListenerUpdateThatOnlyAddsFilterChains_DoesNotDrain()
    {
        var lds = new XdsUpdate(Spec).Sequence(new XdsChangeSet(0, 0, 1, 0), Instant.Zero).Single();
        Assert.Equal(XdsResourceType.Listener, lds.Type);
        Assert.Null(lds.ListenerDrainEnds);
    }

    [Fact]
    public void Sequence_RouteOnlyChange_IsOneRdsResponse()
    {
        var step = Assert.Single(new XdsUpdate(Spec).Sequence(new XdsChangeSet(0, 0, 0, 1), Instant.Zero));
        Assert.Equal(XdsResourceType.Route, step.Type);
        // MODEL_FACTS §10: an xDS update takes 1–10 ms.
        Assert.InRange((step.Applied - step.Start).TotalMilliseconds, 1, 10);
    }

    [Fact]
    public void Sequence_NothingTouched_SendsNothing() =>
        Assert.Empty(new XdsUpdate(Spec).Sequence(default, Instant.Zero));

    [Fact]
    public void Cost_GrowsLinearlyWithResources()
    {
        var xds = new XdsUpdate(Spec);
        // MODEL_FACTS §3: ~1 s per update at 4000 Ingresses.
        Assert.Equal(Duration.FromMilliseconds(1002), xds.Cost(4000));
        Assert.Throws<ArgumentOutOfRangeException>(() => xds.Cost(-1));
    }
}

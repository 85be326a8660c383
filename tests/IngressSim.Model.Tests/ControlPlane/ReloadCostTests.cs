using IngressSim.Engine.Time;
using IngressSim.Model.Controllers.Nginx;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Tests.ControlPlane;

public class ReloadCostTests
{
    [Fact]
    public void For_IsBasePlusPerItemTimesItems()
    {
        var cost = new ReloadCost(new ReloadCostSpec { Base = Duration.FromMilliseconds(100), PerItem = Duration.FromMicroseconds(50) });
        var size = new NginxConfigSize(Ingresses: 200, Paths: 300, Upstreams: 250);
        Assert.Equal(750, size.Items);
        Assert.Equal(Duration.FromMicroseconds(100_000 + 750 * 50), cost.For(size));
    }

    [Fact]
    public void For_Defaults_SmallConfigIsInTheObservedRange()
    {
        // MODEL_FACTS §1: 0.13–0.25 s on small configs.
        var duration = new ReloadCost(new ReloadCostSpec()).For(new NginxConfigSize(10, 10, 10));
        Assert.InRange(duration.TotalSeconds, 0.13, 0.25);
    }

    [Fact]
    public void For_EmptyConfig_IsTheBase() =>
        Assert.Equal(Duration.FromMilliseconds(150), new ReloadCost(new ReloadCostSpec()).For(default));

    [Fact]
    public void For_NegativeCounts_Throw() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReloadCost(new ReloadCostSpec()).For(new NginxConfigSize(1, -1, 0)));
}

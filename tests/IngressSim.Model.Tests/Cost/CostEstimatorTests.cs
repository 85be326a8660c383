using IngressSim.Model.Cost;
using IngressSim.Scenarios.Cost;
using IngressSim.Scenarios.Units;

namespace IngressSim.Model.Tests.Cost;

/// <summary>The bill against hand-computed values from the MODEL_FACTS §7 price table (730 h a month).</summary>
public class CostEstimatorTests
{
    private static CostItem Item(CostEstimate estimate, string name) => estimate.Items.Single(i => i.Name == name);

    [Fact]
    public void Ingress_OneNlb_PaysHourlyPlusTheLargestNlcuDimension()
    {
        // 400 new connections/s = 0.5 NLCU; 20,000 active = 0.2 NLCU: the larger counts.
        var estimate = CostEstimator.Estimate(new CostSpec(), [new LoadBalancerTraffic(400, 20_000, 0)], services: 20, nodes: 3);
        Assert.Equal(0.0225 * 730, Item(estimate, "AWS NLB load balancers").UnitMonthly, 4); // 16.425
        Assert.Equal(16.43, Item(estimate, "AWS NLB load balancers").Monthly);
        var nlcu = Item(estimate, "AWS NLB NLCUs (traffic)");
        Assert.Equal(0.5, nlcu.Quantity);
        Assert.Equal(0.5 * 0.006 * 730, nlcu.Monthly, 2); // 2.19
        Assert.Equal(18.62, estimate.MonthlyTotal);
        Assert.Equal("USD", estimate.Currency);
    }

    [Fact]
    public void LoadBalancerPerService_PaysTheHourlyChargeNTimes()
    {
        var traffic = Enumerable.Repeat(new LoadBalancerTraffic(10, 100, 0), 20).ToArray();
        var estimate = CostEstimator.Estimate(new CostSpec { Exposure = ExposureDesign.LoadBalancerPerService }, traffic, 20, 3);
        Assert.Equal(20, Item(estimate, "AWS NLB load balancers").Quantity);
        Assert.Equal(328.50, Item(estimate, "AWS NLB load balancers").Monthly); // 20 × 0.0225 × 730
        Assert.Equal(20 * 10 / 800.0, Item(estimate, "AWS NLB NLCUs (traffic)").Quantity, 3);
    }

    [Fact]
    public void NodePort_IsFree_ButNodesAreNot()
    {
        var estimate = CostEstimator.Estimate(new CostSpec { Exposure = ExposureDesign.NodePort, NodeMonthly = 70 }, [], 20, 3);
        Assert.Equal(0, Item(estimate, "NodePort exposure").Monthly);
        Assert.Equal(210, Item(estimate, "worker nodes").Monthly);
        Assert.Equal(210, estimate.MonthlyTotal);
    }

    [Fact]
    public void Alb_ActiveConnectionsDominate_At3000PerLcu()
    {
        var spec = new CostSpec { LoadBalancer = LoadBalancerPricing.AwsAlb };
        var estimate = CostEstimator.Estimate(spec, [new LoadBalancerTraffic(50, 30_000, 0)], 1, 3);
        var lcu = Item(estimate, "AWS ALB LCUs (traffic)");
        Assert.Equal(10, lcu.Quantity); // 30,000 / 3,000 beats 50 / 25 = 2
        Assert.Equal(10 * 0.008 * 730, lcu.Monthly, 2); // 58.40
    }

    [Fact]
    public void Bytes_CountWhenSet_OneGbPerHourPerUnit()
    {
        var spec = new CostSpec { BytesPerRequest = new ByteSize(1000) };
        var estimate = CostEstimator.Estimate(spec, [new LoadBalancerTraffic(0, 0, 3e9)], 1, 3);
        Assert.Equal(3, Item(estimate, "AWS NLB NLCUs (traffic)").Quantity);
    }

    [Fact]
    public void Gcp_FirstFiveRules_ThenCheaperOnes_PlusDataProcessed()
    {
        var spec = new CostSpec { Exposure = ExposureDesign.LoadBalancerPerService, LoadBalancer = LoadBalancerPricing.GcpForwardingRule, BytesPerRequest = new ByteSize(1) };
        var gib = (double)(1L << 30);
        var traffic = Enumerable.Repeat(new LoadBalancerTraffic(0, 0, gib / 730), 8).ToArray(); // 1 GiB a month each
        var estimate = CostEstimator.Estimate(spec, traffic, 8, 3);
        Assert.Equal(5 * 0.025 * 730, Item(estimate, "GCP forwarding rules").Monthly, 2); // 91.25
        Assert.Equal(3 * 0.01 * 730, Item(estimate, "GCP forwarding rules beyond the first").Monthly, 2); // 21.90
        Assert.Equal(8 * 0.008, Item(estimate, "GCP data processed (GiB)").Monthly, 2);
        Assert.Equal(91.25 + 21.90 + 0.06, estimate.MonthlyTotal, 2);
    }

    [Fact]
    public void Flat_IsTheArticlesPricePerLoadBalancer()
    {
        var estimate = CostEstimator.Estimate(new CostSpec { LoadBalancer = LoadBalancerPricing.Flat, Exposure = ExposureDesign.LoadBalancerPerService },
            Enumerable.Repeat(new LoadBalancerTraffic(1, 1, 0), 10).ToArray(), 10, 3);
        Assert.Equal(150, estimate.MonthlyTotal); // 10 × $15
    }
}

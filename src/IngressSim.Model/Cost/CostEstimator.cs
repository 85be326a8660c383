using IngressSim.Model.Metrics;
using IngressSim.Scenarios.Cost;

namespace IngressSim.Model.Cost;

/// <summary>What one cloud load balancer carries, as simulated: rates over the run, taken as representative of the month.</summary>
public readonly record struct LoadBalancerTraffic(double NewConnectionsPerSecond, double ActiveConnections, double BytesPerHour);

/// <summary>
/// Prices a design per <see cref="CostSpec"/>: the cloud load balancers the exposure needs (one per ingress
/// controller, one per Service, or none for NodePort), their traffic charges from the simulated rates,
/// and the nodes. Each line's monthly amount is rounded to cents (unit prices to 1/100 cent, so that
/// 0.0225 $/h × 730 h shows as 16.425), the total is the sum of the lines.
/// </summary>
public static class CostEstimator
{
    public const string Currency = "USD";

    /// <param name="loadBalancers">Traffic of each load balancer of the design (empty for NodePort).</param>
    /// <param name="services">Services exposed (for the NodePort line).</param>
    public static CostEstimate Estimate(CostSpec spec, IReadOnlyList<LoadBalancerTraffic> loadBalancers, int services, int nodes)
    {
        var items = new List<CostItem>();
        string exposure = spec.Exposure switch
        {
            ExposureDesign.Ingress => "one per ingress controller",
            ExposureDesign.LoadBalancerPerService => "one per Service (type LoadBalancer; cost only: the simulated path is the controllers')",
            _ => "none",
        };
        if (spec.Exposure == ExposureDesign.NodePort)
            items.Add(new CostItem("NodePort exposure", services, 0, 0,
                "no cloud load balancer (the article: free); clients must reach node IPs; cost only: the simulated path is the controllers'"));
        else
            AddLoadBalancers(items, spec, loadBalancers, exposure);
        if (spec.NodeMonthly > 0)
            items.Add(Line("worker nodes", nodes, spec.NodeMonthly, "cost.nodeMonthly each"));
        return new CostEstimate(Currency, Cents(items.Sum(i => i.Monthly)), items);
    }

    private static void AddLoadBalancers(List<CostItem> items, CostSpec spec, IReadOnlyList<LoadBalancerTraffic> lbs, string exposure)
    {
        double hours = spec.HoursPerMonth;
        switch (spec.LoadBalancer)
        {
            case LoadBalancerPricing.AwsNlb or LoadBalancerPricing.AwsAlb:
            {
                ICapacityUnitPrices prices = spec.LoadBalancer == LoadBalancerPricing.AwsNlb ? spec.Nlb : spec.Alb;
                string kind = spec.LoadBalancer == LoadBalancerPricing.AwsNlb ? "AWS NLB" : "AWS ALB";
                string unit = spec.LoadBalancer == LoadBalancerPricing.AwsNlb ? "NLCU" : "LCU";
                items.Add(Line($"{kind} load balancers", lbs.Count, prices.Hourly * hours, $"{exposure}; {prices.Hourly} $/h × {hours} h"));
                double units = lbs.Sum(lb => CapacityUnits(prices, lb));
                items.Add(Line($"{kind} {unit}s (traffic)", units, prices.CapacityUnitHourly * hours,
                    $"per load balancer the largest of new connections/s ÷ {prices.NewConnectionsPerSecond}, active connections ÷ {prices.ActiveConnections}"
                    + (spec.BytesPerRequest.Bytes > 0 ? $", bytes/h ÷ {prices.ProcessedPerHour}" : " (bytes not simulated: set cost.bytesPerRequest)")
                    + ", at the simulated mean rates"));
                break;
            }
            case LoadBalancerPricing.GcpForwardingRule:
            {
                var gcp = spec.Gcp;
                int included = Math.Min(lbs.Count, gcp.IncludedRules);
                items.Add(Line("GCP forwarding rules", included, gcp.FirstRulesHourly * hours, $"{exposure}; first {gcp.IncludedRules} at {gcp.FirstRulesHourly} $/h"));
                if (lbs.Count > included)
                    items.Add(Line("GCP forwarding rules beyond the first", lbs.Count - included, gcp.AdditionalRuleHourly * hours, $"{gcp.AdditionalRuleHourly} $/h each"));
                double gib = lbs.Sum(lb => lb.BytesPerHour) * hours / (1L << 30);
                items.Add(Line("GCP data processed (GiB)", gib, gcp.PerGibProcessed,
                    spec.BytesPerRequest.Bytes > 0 ? "simulated requests × cost.bytesPerRequest" : "bytes not simulated: set cost.bytesPerRequest"));
                break;
            }
            default:
                items.Add(Line("cloud load balancers (flat price)", lbs.Count, spec.FlatMonthly, $"{exposure}; the article's $15–50/mo per LB"));
                break;
        }
    }

    /// <summary>
    /// What each load balancer of the design carries: with Ingress the run's traffic split evenly over the
    /// controllers (the simulator does not split connections by controller); per Service its own requests and
    /// new connections, and a share of the open connections in proportion to its requests.
    /// </summary>
    /// <param name="meanActiveConnections">Open client connections, mean over the windows' ends.</param>
    public static IReadOnlyList<LoadBalancerTraffic> Traffic(CostSpec spec, RunResult result, double meanActiveConnections, int controllers, int services)
    {
        double seconds = result.SimulatedSeconds, bytes = spec.BytesPerRequest.Bytes;
        LoadBalancerTraffic Of(double newConnections, double requests, double share) =>
            new(newConnections / seconds, meanActiveConnections * share, requests * bytes / seconds * 3600);
        switch (spec.Exposure)
        {
            case ExposureDesign.Ingress:
                double newConnections = result.Series.Sum(s => (double)s.NewConnections);
                return Enumerable.Repeat(Of(newConnections / controllers, result.Requests / (double)controllers, 1.0 / controllers), controllers).ToArray();
            case ExposureDesign.LoadBalancerPerService:
                double total = Math.Max(1, result.Requests);
                return result.Series.Take(services).Select(s => Of(s.NewConnections, s.Requests, s.Requests / total)).ToArray();
            default:
                return [];
        }
    }

    /// <summary>AWS bills the largest dimension used (aws.amazon.com/elasticloadbalancing/pricing).</summary>
    internal static double CapacityUnits(ICapacityUnitPrices prices, LoadBalancerTraffic traffic) => Math.Max(
        Math.Max(traffic.NewConnectionsPerSecond / prices.NewConnectionsPerSecond, traffic.ActiveConnections / prices.ActiveConnections),
        traffic.BytesPerHour / prices.ProcessedPerHour.Bytes);

    private static CostItem Line(string name, double quantity, double unitMonthly, string note) =>
        new(name, Math.Round(quantity, 3), Math.Round(unitMonthly, 4), Cents(quantity * unitMonthly), note);

    private static double Cents(double amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}

using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Units;

namespace IngressSim.Scenarios.Cost;

/// <summary>How Services reach the outside: the article's NodePort / LoadBalancer / Ingress table.</summary>
public enum ExposureDesign : byte
{
    /// <summary>One cloud load balancer per ingress controller, in front of its replicas (what the simulator models).</summary>
    Ingress,
    /// <summary>One cloud load balancer per Service (type LoadBalancer). Cost only: the request path simulated is still the controllers'.</summary>
    LoadBalancerPerService,
    /// <summary>A port on every node, no cloud load balancer. Cost only, as above.</summary>
    NodePort,
}

/// <summary>Which price list a cloud load balancer follows.</summary>
public enum LoadBalancerPricing : byte { AwsNlb, AwsAlb, GcpForwardingRule, Flat }

/// <summary>
/// Prices for the monthly cost of the design, all inputs with cited defaults (MODEL_FACTS §7; verify on the
/// providers' price pages for your region). Traffic-based charges come from the simulated new-connection,
/// active-connection and request rates, taken as representative of the whole month.
/// </summary>
public sealed record CostSpec
{
    public ExposureDesign Exposure { get; init; } = ExposureDesign.Ingress;

    public LoadBalancerPricing LoadBalancer { get; init; } = LoadBalancerPricing.AwsNlb;

    /// <summary>Hours billed per month: AWS prices a month as 730 hours (aws.amazon.com/elasticloadbalancing/pricing examples).</summary>
    [Limits("1", "744")] public double HoursPerMonth { get; init; } = 730;

    /// <summary>Bytes a request and its response carry through the load balancer. The simulator does not model payloads: 0 leaves the bytes dimension out.</summary>
    public ByteSize BytesPerRequest { get; init; }

    /// <summary>Monthly price of one worker node (cluster.nodes of them); 0 leaves nodes out (MODEL_FACTS has no node price).</summary>
    [Limits("0", "100000")] public double NodeMonthly { get; init; }

    public NlbPrices Nlb { get; init; } = new();
    public AlbPrices Alb { get; init; } = new();
    public ForwardingRulePrices Gcp { get; init; } = new();

    /// <summary>Monthly price per load balancer with <c>loadBalancer: flat</c>: the article's "$15–50/mo per LB", low end.</summary>
    [Limits("0", "100000")] public double FlatMonthly { get; init; } = 15;
}

/// <summary>
/// An AWS load balancer: an hourly charge plus capacity units per hour, a unit being the largest of its
/// dimensions used (aws.amazon.com/elasticloadbalancing/pricing; MODEL_FACTS §7).
/// </summary>
public interface ICapacityUnitPrices
{
    double Hourly { get; }
    double CapacityUnitHourly { get; }
    double NewConnectionsPerSecond { get; }
    double ActiveConnections { get; }
    ByteSize ProcessedPerHour { get; }
}

/// <summary>AWS NLB: $0.0225/h + $0.006 per NLCU-hour (MODEL_FACTS §7); an NLCU (TCP) is 800 new connections/s, 100,000 active connections or 1 GB/h.</summary>
public sealed record NlbPrices : ICapacityUnitPrices
{
    [Limits("0", "1000")] public double Hourly { get; init; } = 0.0225;
    [Limits("0", "1000")] public double CapacityUnitHourly { get; init; } = 0.006;
    [Limits("0.001", "1e9")] public double NewConnectionsPerSecond { get; init; } = 800;
    [Limits("0.001", "1e12")] public double ActiveConnections { get; init; } = 100_000;
    public ByteSize ProcessedPerHour { get; init; } = new(1_000_000_000);
}

/// <summary>
/// AWS ALB: $0.0225/h + $0.008 per LCU-hour (MODEL_FACTS §7); an LCU is 25 new connections/s, 3,000 active
/// connections (per minute) or 1 GB/h to EC2/IP targets. Its fourth dimension, 1,000 rule evaluations/s, is
/// not counted: the simulator has no ALB rules.
/// </summary>
public sealed record AlbPrices : ICapacityUnitPrices
{
    [Limits("0", "1000")] public double Hourly { get; init; } = 0.0225;
    [Limits("0", "1000")] public double CapacityUnitHourly { get; init; } = 0.008;
    [Limits("0.001", "1e9")] public double NewConnectionsPerSecond { get; init; } = 25;
    [Limits("0.001", "1e12")] public double ActiveConnections { get; init; } = 3_000;
    public ByteSize ProcessedPerHour { get; init; } = new(1_000_000_000);
}

/// <summary>GCP: forwarding rules by the hour and data processed (MODEL_FACTS §7; cloud.google.com/load-balancing/pricing).</summary>
public sealed record ForwardingRulePrices
{
    /// <summary>$0.025 per hour for each of the first five rules.</summary>
    [Limits("0", "1000")] public double FirstRulesHourly { get; init; } = 0.025;

    [Limits("0", "1000")] public int IncludedRules { get; init; } = 5;

    /// <summary>$0.01 per hour for each rule beyond those.</summary>
    [Limits("0", "1000")] public double AdditionalRuleHourly { get; init; } = 0.01;

    /// <summary>$0.008 per GiB processed.</summary>
    [Limits("0", "1000")] public double PerGibProcessed { get; init; } = 0.008;
}

using IngressSim.Engine.Time;
using IngressSim.Scenarios.Binding;

namespace IngressSim.Scenarios.Cluster;

/// <summary>The cloud L4 load balancer in front of the controller replicas: spreads connections by flow hash.</summary>
public sealed record LoadBalancerSpec
{
    /// <summary>Latency the LB adds per packet path. MODEL_FACTS §7: UNCONFIRMED, default small (0.1–0.5 ms).</summary>
    [Limits("0s", "1s")] public Duration Latency { get; init; } = Duration.FromMicroseconds(200);

    /// <summary>Idle connections are dropped after this. MODEL_FACTS §7: AWS NLB TCP idle timeout 350 s.</summary>
    [Limits("1s", "7d")] public Duration IdleTimeout { get; init; } = Duration.FromSeconds(350);

    public HealthCheckSpec HealthCheck { get; init; } = new();
}

/// <summary>How fast the LB notices a dead or revived replica. MODEL_FACTS §7: AWS LB Controller defaults TCP, 10 s, 3/3.</summary>
public sealed record HealthCheckSpec
{
    [Limits("1s", "1h")] public Duration Interval { get; init; } = Duration.FromSeconds(10);

    /// <summary>MODEL_FACTS §7 (GKE L4): timeout 1 s.</summary>
    [Limits("1ms", "1h")] public Duration Timeout { get; init; } = Duration.FromSeconds(1);

    [Limits("1", "100")] public int HealthyThreshold { get; init; } = 3;
    [Limits("1", "100")] public int UnhealthyThreshold { get; init; } = 3;
}

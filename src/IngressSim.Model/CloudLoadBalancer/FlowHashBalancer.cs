using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.CloudLoadBalancer;

/// <summary>
/// A cloud L4 load balancer spreading <em>connections</em> over its targets (MODEL_FACTS §7, AWS NLB):
/// a new connection goes to a target by a hash of its flow (client address and a fresh ephemeral
/// source port), among the targets the health checks consider healthy, and stays there for life (the
/// caller keeps the target with the connection). A dead target keeps receiving new connections until
/// its health check notices; with no healthy target the LB fails open to all.
/// </summary>
public sealed class FlowHashBalancer
{
    // Linux default net.ipv4.ip_local_port_range 32768–60999: where a client's source port comes from.
    private const int FirstEphemeralPort = 32768, EphemeralPorts = 60999 - 32768 + 1;

    private readonly HealthCheck[] _targets;

    public FlowHashBalancer(HealthCheck[] targets)
    {
        if (targets.Length == 0) throw new ArgumentException("a load balancer needs at least one target", nameof(targets));
        _targets = targets;
    }

    /// <summary>One health check per target, each with its own probe phase drawn uniformly within the interval.</summary>
    public static FlowHashBalancer From(HealthCheckSpec spec, int targets, RandomStream phases)
    {
        var checks = new HealthCheck[targets];
        for (int i = 0; i < targets; i++)
            checks[i] = new HealthCheck(spec, new Instant((long)phases.NextBounded((ulong)spec.Interval.Nanoseconds)));
        return new FlowHashBalancer(checks);
    }

    public IReadOnlyList<HealthCheck> Targets => _targets;

    /// <summary>The target index a new connection from <paramref name="clientId"/> goes to.</summary>
    public int Pick(long clientId, Instant now, RandomStream random)
    {
        int port = FirstEphemeralPort + (int)random.NextBounded(EphemeralPorts);
        ulong hash = FlowHash(clientId, port);
        int healthy = 0;
        for (int i = 0; i < _targets.Length; i++) if (_targets[i].IsHealthy(now)) healthy++;
        bool failOpen = healthy == 0;
        int candidates = failOpen ? _targets.Length : healthy;
        int n = (int)(((UInt128)hash * (ulong)candidates) >> 64);
        for (int i = 0; i < _targets.Length; i++)
            if ((failOpen || _targets[i].IsHealthy(now)) && n-- == 0) return i;
        throw new InvalidOperationException("a counted candidate was not found");
    }

    /// <summary>SplitMix64's finaliser over (address, port): the flow's bucket, uniform over 64 bits.</summary>
    private static ulong FlowHash(long clientId, int port)
    {
        ulong z = unchecked((ulong)clientId * 0x9E3779B97F4A7C15UL + (ulong)port);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

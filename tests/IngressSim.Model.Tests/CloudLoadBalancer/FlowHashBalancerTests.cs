using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;
using IngressSim.Model.CloudLoadBalancer;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Tests.CloudLoadBalancer;

public class FlowHashBalancerTests
{
    private static FlowHashBalancer Balancer(int targets) => FlowHashBalancer.From(new HealthCheckSpec(), targets, new RandomStream(1, "phases"));

    private static void KillUntilDetected(HealthCheck check)
    {
        while (check.IsHealthy(check.NextProbeAt)) check.Probe(check.NextProbeAt, targetResponds: false);
    }

    [Fact]
    public void Pick_UniformOverHealthyTargets()
    {
        var lb = Balancer(4);
        var random = new RandomStream(2, "lb");
        var counts = new int[4];
        const int n = 40_000;
        for (int i = 0; i < n; i++) counts[lb.Pick(i % 100, Instant.Zero, random)]++;
        double chi = counts.Sum(c => (c - n / 4.0) * (c - n / 4.0) / (n / 4.0));
        Assert.InRange(chi, 0, 16.3); // χ²(4) upper 0.1 %
    }

    [Fact]
    public void Pick_DeadButUndetected_StillGetsConnections_DetectedGetsNone()
    {
        var lb = Balancer(2);
        var random = new RandomStream(3, "lb");
        var dead = lb.Targets[1];
        dead.Probe(dead.NextProbeAt, targetResponds: false);
        var now = dead.NextProbeAt;
        Assert.Contains(1, Enumerable.Range(0, 100).Select(i => lb.Pick(i, now, random)));
        KillUntilDetected(dead);
        var later = dead.NextProbeAt;
        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal(0, lb.Pick(i, later, random)));
    }

    [Fact]
    public void Pick_AllUnhealthy_FailsOpenToAll()
    {
        var lb = Balancer(3);
        foreach (var target in lb.Targets) KillUntilDetected(target);
        var random = new RandomStream(4, "lb");
        var seen = Enumerable.Range(0, 300).Select(i => lb.Pick(i, Instant.FromSeconds(500), random)).ToHashSet();
        Assert.Equal(3, seen.Count);
    }

    [Fact]
    public void From_ProbePhasesWithinOneInterval()
    {
        var lb = Balancer(50);
        Assert.All(lb.Targets, t => Assert.InRange(t.NextProbeAt.Nanoseconds, 0, Duration.FromSeconds(10).Nanoseconds - 1));
        Assert.True(lb.Targets.Select(t => t.NextProbeAt).Distinct().Count() > 40);
    }
}

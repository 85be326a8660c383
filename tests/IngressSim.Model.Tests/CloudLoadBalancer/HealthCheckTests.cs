using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IngressSim.Engine.Time;
using IngressSim.Model.CloudLoadBalancer;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Tests.CloudLoadBalancer;

public class HealthCheckTests
{
    /// <summary>Runs probes until the check flips or the time limit; returns when the LB changes its mind.</summary>
    private static Instant? DetectedAt(HealthCheck check, Func<Instant, bool> responds, bool wantHealthy, Instant until)
    {
        while (check.NextProbeAt < until)
        {
            var at = check.NextProbeAt;
            var resultAt = check.Probe(at, responds(at));
            if (check.IsHealthy(resultAt) == wantHealthy) return resultAt;
        }
        return null;
    }

    [Fact]
    public void Probe_DeadTarget_DetectedAfterThresholdFailuresPlusTimeout()
    {
        // AWS LB Controller defaults (MODEL_FACTS §7): 10 s interval, 3/3; timeout 1 s.
        var check = new HealthCheck(new HealthCheckSpec(), Instant.FromSeconds(4));
        var died = Instant.FromSeconds(12);
        var detected = DetectedAt(check, t => t < died, wantHealthy: false, Instant.FromSeconds(100));
        // Failed probes at 14, 24, 34 s; the third times out at 35 s.
        Assert.Equal(Instant.FromSeconds(35), detected);
        Assert.True(check.IsHealthy(Instant.FromSeconds(34) + Duration.FromMilliseconds(999)));
        Assert.False(check.IsHealthy(Instant.FromSeconds(35)));
    }

    [Fact]
    public void Probe_RecoveredTarget_HealthyAfterThresholdSuccesses()
    {
        var spec = new HealthCheckSpec { Interval = Duration.FromSeconds(30), HealthyThreshold = 5, UnhealthyThreshold = 2 };
        var check = new HealthCheck(spec, Instant.Zero, healthy: false);
        var detected = DetectedAt(check, _ => true, wantHealthy: true, Instant.FromSeconds(1000));
        Assert.Equal(Instant.FromSeconds(120), detected);
    }

    [Fact]
    public void Probe_OneFailureAmongSuccesses_StaysHealthy()
    {
        var check = new HealthCheck(new HealthCheckSpec(), Instant.Zero);
        bool[] results = [true, false, false, true, false, false, true];
        foreach (var ok in results) check.Probe(check.NextProbeAt, ok);
        Assert.True(check.IsHealthy(check.NextProbeAt));
    }

    [Property(MaxTest = 300)]
    public bool Probe_DetectionDelayWithinThresholdIntervals(PositiveInt intervalS, PositiveInt threshold, NonNegativeInt phaseMs, NonNegativeInt deathMs)
    {
        var spec = new HealthCheckSpec { Interval = Duration.FromSeconds(intervalS.Get % 30 + 1), UnhealthyThreshold = threshold.Get % 5 + 1, Timeout = Duration.FromSeconds(1) };
        var check = new HealthCheck(spec, Instant.At(Duration.FromMilliseconds(phaseMs.Get % (spec.Interval.Nanoseconds / Duration.NanosPerMillisecond))));
        var died = Instant.At(Duration.FromMilliseconds(deathMs.Get % 100_000));
        var detected = DetectedAt(check, t => t < died, wantHealthy: false, Instant.FromSeconds(1000));
        if (detected is not { } at) return false;
        var delay = at - died;
        return delay >= spec.Interval * (spec.UnhealthyThreshold - 1) + spec.Timeout
            && delay < spec.Interval * spec.UnhealthyThreshold + spec.Timeout;
    }
}

using IngressSim.Engine.Time;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.CloudLoadBalancer;

/// <summary>
/// The cloud LB's view of one target (a controller replica): a probe every interval;
/// HealthyThreshold consecutive successes make an unhealthy target healthy, UnhealthyThreshold
/// consecutive failures make a healthy one unhealthy (MODEL_FACTS §7). A failed probe is known only
/// when its timeout expires, so a target that dies is still considered healthy — and still sent new
/// connections — for between (U−1)·interval + timeout and U·interval + timeout.
/// The caller runs <see cref="Probe"/> at each <see cref="NextProbeAt"/> with whether the target
/// accepts connections then.
/// </summary>
public sealed class HealthCheck
{
    private bool _healthy, _previous;
    private Instant _effectiveAt;
    private int _successes, _failures;

    /// <param name="firstProbeAt">The LB's probe phase for this target (its probes are not aligned with anything in the cluster).</param>
    /// <param name="healthy">State at the start: targets registered and ready when the run begins are in service.</param>
    public HealthCheck(HealthCheckSpec spec, Instant firstProbeAt, bool healthy = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.HealthyThreshold);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(spec.UnhealthyThreshold);
        if (spec.Interval <= Duration.Zero) throw new ArgumentOutOfRangeException(nameof(spec), spec.Interval, "the probe interval must be positive");
        Interval = spec.Interval;
        Timeout = spec.Timeout;
        HealthyThreshold = spec.HealthyThreshold;
        UnhealthyThreshold = spec.UnhealthyThreshold;
        NextProbeAt = firstProbeAt;
        _healthy = _previous = healthy;
    }

    public Duration Interval { get; }
    public Duration Timeout { get; }
    public int HealthyThreshold { get; }
    public int UnhealthyThreshold { get; }
    public Instant NextProbeAt { get; private set; }

    /// <summary>Whether the LB sends new connections to the target at <paramref name="now"/>.</summary>
    public bool IsHealthy(Instant now) => now >= _effectiveAt ? _healthy : _previous;

    /// <summary>
    /// Sends the probe due now. Returns when its result is known (now on success, now + timeout on
    /// failure); a state change the result causes takes effect at that instant.
    /// </summary>
    public Instant Probe(Instant now, bool targetResponds)
    {
        var resultAt = targetResponds ? now : now + Timeout;
        bool healthyBefore = _healthy, servingBefore = IsHealthy(now);
        if (targetResponds)
        {
            _failures = 0;
            if (++_successes >= HealthyThreshold) _healthy = true;
        }
        else
        {
            _successes = 0;
            if (++_failures >= UnhealthyThreshold) _healthy = false;
        }
        if (_healthy != healthyBefore)
        {
            _previous = servingBefore;
            _effectiveAt = resultAt;
        }
        NextProbeAt = now + Interval;
        return resultAt;
    }
}

using IngressSim.Engine.Time;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Controllers.RateLimiting;

/// <summary>
/// The limits one replica applies to a request, in ingress-nginx's order: limit-connections → limit-rpm
/// → limit-rps (MODEL_FACTS §2). Request limits are checked all before any is accounted (nginx's
/// limit_req handler), so one zone's rejection does not use up another's budget.
/// </summary>
public sealed class RequestRateLimits
{
    public RequestRateLimits(LimitConn? connections, LimitReq? perMinute, LimitReq? perSecond)
    {
        Connections = connections;
        PerMinute = perMinute;
        PerSecond = perSecond;
    }

    /// <summary>The controller-wide limits of a scenario (RateLimitSpec: limit-connections and limit-rps; no rpm there).</summary>
    public static RequestRateLimits From(RateLimitSpec spec) => new(
        spec.Connections is { } c ? new LimitConn(c, spec.ConnectionStatusCode) : null,
        perMinute: null,
        spec.Rps is { } rps ? LimitReq.PerSecond(rps.PerSecond, spec.BurstMultiplier, spec.RequestStatusCode) : null);

    public LimitConn? Connections { get; }
    public LimitReq? PerMinute { get; }
    public LimitReq? PerSecond { get; }

    /// <summary>
    /// Admits a request or names the status that rejects it. On admission the caller must
    /// <see cref="Release"/> the key when the request ends (limit-connections counts it until then).
    /// </summary>
    public RateLimitVerdict Admit(long key, Instant now)
    {
        if (Connections is { } connections && !connections.TryOpen(key)) return new(false, connections.RejectStatus, Duration.Zero);
        long minuteExcess = 0, secondExcess = 0;
        var minute = new LimitReqDecision(true, Duration.Zero);
        var second = minute;
        if (PerMinute is { } perMinute && !(minute = perMinute.Check(key, now, out minuteExcess)).Admitted) return Reject(key, perMinute.RejectStatus);
        if (PerSecond is { } perSecond && !(second = perSecond.Check(key, now, out secondExcess)).Admitted) return Reject(key, perSecond.RejectStatus);
        PerMinute?.Commit(key, now, minuteExcess);
        PerSecond?.Commit(key, now, secondExcess);
        // nginx holds the request for the longest delay any zone asks for.
        return new(true, 0, Duration.Max(minute.Delay, second.Delay));
    }

    private RateLimitVerdict Reject(long key, int status)
    {
        Connections?.Close(key);
        return new(false, status, Duration.Zero);
    }

    /// <summary>The admitted request with this key has finished.</summary>
    public void Release(long key) => Connections?.Close(key);

    /// <summary>A replica restart resets every zone.</summary>
    public void Clear()
    {
        Connections?.Clear();
        PerMinute?.Clear();
        PerSecond?.Clear();
    }
}

/// <summary>The outcome of the limits: admitted after <see cref="Delay"/>, or rejected with <see cref="Status"/>.</summary>
public readonly record struct RateLimitVerdict(bool Admitted, int Status, Duration Delay);

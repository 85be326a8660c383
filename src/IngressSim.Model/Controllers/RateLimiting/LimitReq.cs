using System.Runtime.InteropServices;
using IngressSim.Engine.Time;

namespace IngressSim.Model.Controllers.RateLimiting;

/// <summary>
/// nginx <c>limit_req</c> for one zone on one replica (rate limits are per replica, MODEL_FACTS §2),
/// keyed by client address as ingress-nginx keys it. The arithmetic is nginx's own
/// (ngx_http_limit_req_module.c), in milli-requests and whole milliseconds of nginx's cached clock:
/// excess = max(0, previous − rate·|Δms|/1000 + 1000); rejected if excess &gt; burst·1000; a new key
/// starts at excess 0. Without nodelay an admitted request waits excess/rate; with nodelay it goes at once.
/// </summary>
public sealed class LimitReq
{
    private const long MilliPerRequest = 1000;

    private struct KeyState
    {
        public long ExcessMilli;
        public long LastMs;
    }

    private readonly Dictionary<long, KeyState> _keys = [];

    /// <param name="ratePerSecond">Requests per second (a per-minute limit is rpm/60, as nginx stores r/m).</param>
    /// <param name="burst">Requests allowed above the rate (nginx <c>burst=</c>).</param>
    /// <param name="nodelay">Admitted excess requests go at once instead of being spaced at the rate.</param>
    /// <param name="rejectStatus">Status of a rejected request. MODEL_FACTS §2: limit-req-status-code 503.</param>
    public LimitReq(double ratePerSecond, int burst, bool nodelay, int rejectStatus)
    {
        // nginx keeps the rate as integral milli-requests per second (r/m: rate·1000/60, truncated).
        RateMilli = (long)Math.Floor(ratePerSecond * MilliPerRequest + 1e-6);
        if (RateMilli <= 0) throw new ArgumentOutOfRangeException(nameof(ratePerSecond), ratePerSecond, "nginx needs at least 0.001 requests per second");
        ArgumentOutOfRangeException.ThrowIfNegative(burst);
        BurstMilli = burst * MilliPerRequest;
        NoDelay = nodelay;
        RejectStatus = rejectStatus;
    }

    /// <summary>
    /// ingress-nginx <c>limit-rps</c>: burst = rps × limit-burst-multiplier, nodelay (MODEL_FACTS §2).
    /// </summary>
    public static LimitReq PerSecond(double rps, int burstMultiplier, int rejectStatus) =>
        new(rps, (int)Math.Floor(rps * burstMultiplier + 1e-9), nodelay: true, rejectStatus);

    /// <summary>ingress-nginx <c>limit-rpm</c>: rate rpm r/m, burst = rpm × limit-burst-multiplier, nodelay (MODEL_FACTS §2).</summary>
    public static LimitReq PerMinute(int rpm, int burstMultiplier, int rejectStatus) =>
        new(rpm / 60.0, rpm * burstMultiplier, nodelay: true, rejectStatus);

    public long RateMilli { get; }
    public long BurstMilli { get; }
    public bool NoDelay { get; }
    public int RejectStatus { get; }

    /// <summary>Checks and, if admitted, accounts one request.</summary>
    public LimitReqDecision Acquire(long key, Instant now)
    {
        var decision = Check(key, now, out long excess);
        if (decision.Admitted) Commit(key, now, excess);
        return decision;
    }

    /// <summary>
    /// Checks one request without accounting it (nginx checks every zone first and accounts only when
    /// all admit, so a request another zone rejects costs this zone nothing); <paramref name="excess"/>
    /// goes to <see cref="Commit"/>.
    /// </summary>
    public LimitReqDecision Check(long key, Instant now, out long excess)
    {
        long nowMs = now.Nanoseconds / Duration.NanosPerMillisecond;
        if (!_keys.TryGetValue(key, out var state))
        {
            excess = 0;
            return new(true, Duration.Zero);
        }
        long elapsedMs = Math.Abs(nowMs - state.LastMs);
        excess = Math.Max(0, state.ExcessMilli - RateMilli * elapsedMs / 1000 + MilliPerRequest);
        if (excess > BurstMilli) return new(false, Duration.Zero);
        return new(true, NoDelay ? Duration.Zero : Duration.FromMilliseconds(excess * 1000 / RateMilli));
    }

    /// <summary>Accounts an admitted request with the excess its <see cref="Check"/> returned.</summary>
    public void Commit(long key, Instant now, long excess)
    {
        long nowMs = now.Nanoseconds / Duration.NanosPerMillisecond;
        ref var state = ref CollectionsMarshal.GetValueRefOrAddDefault(_keys, key, out _);
        // As in nginx, the decay since `last` is truncated to whole milli-requests and `last` moves
        // on anyway: a slow rate (a few r/m) checked every millisecond barely decays — nginx does the same.
        state.ExcessMilli = excess;
        state.LastMs = nowMs;
    }

    /// <summary>A replica restart empties the zone (shared memory).</summary>
    public void Clear() => _keys.Clear();
}

/// <summary>Whether a request passes a limit, and how long nginx holds it first (zero with nodelay).</summary>
public readonly record struct LimitReqDecision(bool Admitted, Duration Delay);

using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;

namespace IngressSim.Model.Controllers.Upstreams;

/// <summary>
/// ingress-nginx <c>load-balance: ewma</c> (MODEL_FACTS §2; ING rootfs/etc/nginx/lua/balancer/ewma.lua):
/// two random endpoints not yet tried by this request (power of two choices), the one with the lower
/// score wins, a tie goes to the first drawn. The score is the time-decayed EWMA of connect + response
/// time: each observation blends in with weight 1 − e^(−Δt/10 s), and reading it decays it towards 0,
/// so an endpoint left alone looks better over time. Unlike Finagle's PeakEwma, ingress-nginx has no
/// in-flight-request factor. Added endpoints start at the average EWMA of the ones that stay
/// (slow start); removed ones lose their statistics. The statistics live in a shared dict, so one
/// instance serves a whole replica.
/// </summary>
public sealed class EwmaBalancer
{
    /// <summary>ING ewma.lua: DECAY_TIME = 10 (seconds).</summary>
    public static readonly Duration DefaultDecayTime = Duration.FromSeconds(10);

    private readonly double _decayNs;
    private int[] _endpoints = [];
    private double[] _ewmaSeconds = [];
    private long[] _touchedAt = [];
    private bool[] _hasStats = [];
    private int _count;
    private readonly Dictionary<int, int> _indexOf = [];

    public EwmaBalancer(Duration decayTime)
    {
        if (decayTime <= Duration.Zero) throw new ArgumentOutOfRangeException(nameof(decayTime), decayTime, "the decay time must be positive");
        _decayNs = decayTime.Nanoseconds;
    }

    public EwmaBalancer() : this(DefaultDecayTime) { }

    public int Count => _count;

    /// <summary>Replaces the endpoint list (ewma.lua sync): statistics of kept endpoints stay, removed ones go, added ones slow-start.</summary>
    public void SetEndpoints(ReadOnlySpan<int> endpoints, Instant now)
    {
        var ewma = new double[endpoints.Length];
        var touched = new long[endpoints.Length];
        var hasStats = new bool[endpoints.Length];
        double kept = 0;
        int keptCount = 0;
        for (int i = 0; i < endpoints.Length; i++)
        {
            if (_indexOf.TryGetValue(endpoints[i], out int old) && _hasStats[old])
            {
                (ewma[i], touched[i], hasStats[i]) = (_ewmaSeconds[old], _touchedAt[old], true);
                kept += ewma[i];
                keptCount++;
            }
        }
        for (int i = 0; i < endpoints.Length; i++)
        {
            if (keptCount > 0 && !hasStats[i] && !_indexOf.ContainsKey(endpoints[i]))
                (ewma[i], touched[i], hasStats[i]) = (kept / keptCount, now.Nanoseconds, true);
        }
        _endpoints = endpoints.ToArray();
        (_ewmaSeconds, _touchedAt, _hasStats, _count) = (ewma, touched, hasStats, endpoints.Length);
        _indexOf.Clear();
        for (int i = 0; i < _endpoints.Length; i++) _indexOf[_endpoints[i]] = i;
    }

    /// <summary>
    /// The endpoint for the next try of a request, or −1 when there is none. <paramref name="tried"/>
    /// holds the endpoints this request already tried (proxy_next_upstream); if every endpoint was
    /// tried, all are candidates again.
    /// </summary>
    public int Pick(Instant now, RandomStream random, ReadOnlySpan<int> tried)
    {
        if (_count <= 1) return _count == 0 ? -1 : _endpoints[0];
        int untried = 0;
        for (int i = 0; i < _count; i++) if (!tried.Contains(_endpoints[i])) untried++;
        bool all = untried == 0;
        int candidates = all ? _count : untried;
        if (candidates == 1) return _endpoints[NthCandidate(0, tried, all)];
        // ewma.lua shuffle_peers with k = 2: the first uniformly, the second uniformly among the rest.
        int first = (int)random.NextBounded((ulong)candidates);
        int second = (int)random.NextBounded((ulong)(candidates - 1));
        if (second >= first) second++;
        int a = NthCandidate(first, tried, all), b = NthCandidate(second, tried, all);
        return Score(b, now) < Score(a, now) ? _endpoints[b] : _endpoints[a];
    }

    /// <summary>Records a finished try (ewma.lua after_balance): <paramref name="latency"/> = upstream connect + response time.</summary>
    public void Observe(int endpoint, Duration latency, Instant now)
    {
        if (!_indexOf.TryGetValue(endpoint, out int i)) return; // removed while the request was in flight
        // Without statistics, ewma.lua decays from last_touched_at = 0 of the Unix clock: weight 0.
        double weight = _hasStats[i] ? Math.Exp(-Math.Max(0, now.Nanoseconds - _touchedAt[i]) / _decayNs) : 0;
        _ewmaSeconds[i] = _ewmaSeconds[i] * weight + latency.TotalSeconds * (1 - weight);
        _touchedAt[i] = now.Nanoseconds;
        _hasStats[i] = true;
    }

    /// <summary>The score ewma.lua compares, in seconds; 0 for an unknown endpoint.</summary>
    public double ScoreOf(int endpoint, Instant now) => _indexOf.TryGetValue(endpoint, out int i) ? Score(i, now) : 0;

    private double Score(int i, Instant now) =>
        _hasStats[i] ? _ewmaSeconds[i] * Math.Exp(-Math.Max(0, now.Nanoseconds - _touchedAt[i]) / _decayNs) : 0;

    private int NthCandidate(int n, ReadOnlySpan<int> tried, bool all)
    {
        if (all) return n;
        for (int i = 0; i < _count; i++)
            if (!tried.Contains(_endpoints[i]) && n-- == 0) return i;
        throw new InvalidOperationException("fewer candidates than counted");
    }
}

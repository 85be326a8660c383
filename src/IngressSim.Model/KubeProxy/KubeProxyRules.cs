using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.KubeProxy;

/// <summary>
/// One node's kube-proxy rules: a snapshot of every Service's endpoints as of the last sync, and how
/// a new connection to a Service picks one (MODEL_FACTS §4). Until the next sync is programmed the
/// snapshot is stale, so a pick can return an endpoint that is gone — the caller then sees the
/// connection refused.
/// <para>Sync timing follows kube-proxy's bounded-frequency runner: a change syncs as soon as
/// minSyncPeriod after the last sync start allows, and a sync runs at least every syncPeriod; the
/// new rules take effect after the node's programming delay, and a sync does not start while the
/// previous one is still being programmed. The caller schedules an event at the instant
/// <see cref="EndpointsChanged"/> or <see cref="Sync"/> returns and, when it fires, calls
/// <see cref="Sync"/> only if that instant is still <see cref="NextSyncAt"/> (otherwise it was superseded).</para>
/// </summary>
public sealed class KubeProxyRules
{
    /// <summary>MODEL_FACTS §4: sessionAffinity ClientIP timeout 10800 s (all modes).</summary>
    public static readonly Duration DefaultAffinityTimeout = Duration.FromSeconds(10800);

    // IPVS sh/dh: 256 hash buckets assigned to the destinations in turn (IP_VS_SH_TAB_BITS = 8), the
    // bucket of an address from a golden-ratio multiplicative hash (ip_vs_sh_hashkey).
    private const int HashBucketBits = 8;
    private const uint GoldenRatio32 = 2654435761;

    private readonly Duration _syncPeriod, _minSyncPeriod, _programmingDelay;
    private int[][] _rules;
    private int[][]? _pending;
    private long _pendingAt;
    private long _lastSyncStart;
    private readonly int[] _roundRobin;
    private readonly long[] _affinityTimeout;
    private readonly Dictionary<(int Service, long Client), (int Endpoint, long LastSeen)> _affinity = [];
    private readonly Dictionary<int, int> _activeConnections = [];

    /// <param name="initialEndpoints">Ready endpoint ids per Service index, programmed at the start.</param>
    /// <param name="programmingDelay">Time from a sync's start until its rules are live on this node (an input; MODEL_FACTS §4 and §6 report seconds at scale).</param>
    public KubeProxyRules(KubeProxySpec spec, IReadOnlyList<int[]> initialEndpoints, Duration programmingDelay)
    {
        if (programmingDelay.IsNegative) throw new ArgumentOutOfRangeException(nameof(programmingDelay), programmingDelay, "a delay is non-negative");
        Mode = spec.Mode;
        Scheduler = spec.IpvsScheduler;
        _syncPeriod = spec.SyncPeriod;
        _minSyncPeriod = spec.MinSyncPeriod;
        _programmingDelay = programmingDelay;
        _rules = Snapshot(initialEndpoints, []);
        _roundRobin = new int[initialEndpoints.Count];
        _affinityTimeout = new long[initialEndpoints.Count];
        NextSyncAt = Instant.Zero + _syncPeriod;
    }

    public KubeProxyMode Mode { get; }
    public IpvsScheduler Scheduler { get; }
    public int ServiceCount => _rules.Length;

    /// <summary>When the next sync starts (a periodic one unless a change brought it forward).</summary>
    public Instant NextSyncAt { get; private set; }

    /// <summary>A Service's ClientIP affinity (the Service's sessionAffinityConfig timeout, default <see cref="DefaultAffinityTimeout"/>).</summary>
    public void SetSessionAffinity(int service, Duration timeout)
    {
        if (timeout <= Duration.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "an affinity timeout is positive");
        _affinityTimeout[service] = timeout.Nanoseconds;
    }

    /// <summary>Endpoints changed somewhere in the cluster: brings the next sync forward as far as minSyncPeriod allows, and returns it.</summary>
    public Instant EndpointsChanged(Instant now)
    {
        var earliest = new Instant(_lastSyncStart) + Duration.Max(_minSyncPeriod, _programmingDelay);
        NextSyncAt = Instant.Min(NextSyncAt, Instant.Max(now, earliest));
        return NextSyncAt;
    }

    /// <summary>Starts a sync with the cluster's current endpoints (per Service index); they are live after the programming delay. Returns the next periodic sync.</summary>
    public Instant Sync(Instant now, IReadOnlyList<int[]> endpointsByService)
    {
        if (endpointsByService.Count != _rules.Length) throw new ArgumentException($"expected {_rules.Length} Services", nameof(endpointsByService));
        Activate(now.Nanoseconds);
        var snapshot = Snapshot(endpointsByService, _rules);
        if (_programmingDelay == Duration.Zero) _rules = snapshot;
        else (_pending, _pendingAt) = (snapshot, (now + _programmingDelay).Nanoseconds);
        _lastSyncStart = now.Nanoseconds;
        NextSyncAt = now + _syncPeriod;
        return NextSyncAt;
    }

    /// <summary>The endpoints this node's rules currently send a Service's traffic to.</summary>
    public ReadOnlySpan<int> EndpointsOf(int service, Instant now)
    {
        Activate(now.Nanoseconds);
        return _rules[service];
    }

    /// <summary>
    /// The endpoint a new connection from <paramref name="clientIp"/> to <paramref name="service"/>
    /// goes to, or −1 when the rules hold no endpoint (connection rejected).
    /// </summary>
    public int Pick(int service, long clientIp, Instant now, RandomStream random)
    {
        Activate(now.Nanoseconds);
        var endpoints = _rules[service];
        if (endpoints.Length == 0) return -1;
        long timeout = _affinityTimeout[service];
        if (timeout == 0) return Choose(service, endpoints, clientIp, random);

        // ClientIP affinity (iptables "recent" / IPVS persistence): reuse the client's endpoint while
        // it is still in the rules and was used within the timeout; every use refreshes it.
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_affinity, (service, clientIp), out bool exists);
        if (!exists || now.Nanoseconds - entry.LastSeen >= timeout || Array.IndexOf(endpoints, entry.Endpoint) < 0)
            entry.Endpoint = Choose(service, endpoints, clientIp, random);
        entry.LastSeen = now.Nanoseconds;
        return entry.Endpoint;
    }

    /// <summary>A connection to <paramref name="endpoint"/> opened through this node (IPVS lc counts active connections).</summary>
    public void ConnectionOpened(int endpoint) => CollectionsMarshal.GetValueRefOrAddDefault(_activeConnections, endpoint, out _)++;

    public void ConnectionClosed(int endpoint)
    {
        ref int count = ref CollectionsMarshal.GetValueRefOrNullRef(_activeConnections, endpoint);
        if (Unsafe.IsNullRef(ref count)) throw new InvalidOperationException($"no open connection to endpoint {endpoint}");
        if (--count == 0) _activeConnections.Remove(endpoint);
    }

    private int Choose(int service, int[] endpoints, long clientIp, RandomStream random)
    {
        switch (Mode)
        {
            // iptables: rule i of n matches with probability 1/(n−i) (statistic random), which is a
            // uniform choice; nftables: numgen random mod n. One bounded draw gives the same law.
            case KubeProxyMode.Iptables:
            case KubeProxyMode.Nftables:
                return endpoints[(int)random.NextBounded((ulong)endpoints.Length)];
        }
        switch (Scheduler)
        {
            case IpvsScheduler.Rr:
                int i = _roundRobin[service] % endpoints.Length;
                _roundRobin[service] = (i + 1) % endpoints.Length;
                return endpoints[i];
            case IpvsScheduler.Sh:
                return endpoints[HashBucket(clientIp) % endpoints.Length];
            case IpvsScheduler.Dh:
                // The destination is the Service's ClusterIP: one bucket for the whole Service.
                return endpoints[HashBucket(service) % endpoints.Length];
            default:
                // lc, sed, nq: with equal weights and no inactive-connection accounting all three take
                // the endpoint with the fewest active connections, the first such in rule order.
                int best = endpoints[0], fewest = int.MaxValue;
                foreach (int endpoint in endpoints)
                {
                    int active = _activeConnections.GetValueOrDefault(endpoint);
                    if (active < fewest) (best, fewest) = (endpoint, active);
                }
                return best;
        }
    }

    private static int HashBucket(long address) => (int)(unchecked((uint)address * GoldenRatio32) >> (32 - HashBucketBits));

    private void Activate(long now)
    {
        if (_pending is null || now < _pendingAt) return;
        _rules = _pending;
        _pending = null;
    }

    /// <summary>Copies each Service's endpoints, sharing the previous array when nothing changed.</summary>
    private static int[][] Snapshot(IReadOnlyList<int[]> endpoints, int[][] previous)
    {
        var rules = new int[endpoints.Count][];
        for (int s = 0; s < rules.Length; s++)
            rules[s] = s < previous.Length && previous[s].AsSpan().SequenceEqual(endpoints[s]) ? previous[s] : (int[])endpoints[s].Clone();
        return rules;
    }
}

using IngressSim.Engine.Time;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Controllers.Upstreams;

/// <summary>
/// One nginx worker's cache of idle upstream connections (the <c>keepalive</c> of ingress-nginx's
/// single upstream_balancer block, so shared by every backend of the worker). MODEL_FACTS §2: up to
/// 320 idle connections per worker, the least recently used closed beyond that; an idle one closes
/// after 60 s; a connection is closed after 10000 requests. Taking prefers the most recently returned
/// connection to the endpoint (nginx searches its cache from the head). New workers after a reload
/// start empty (MODEL_FACTS §1): use <see cref="Clear"/> or a new pool.
/// </summary>
public sealed class UpstreamKeepAlivePool
{
    private const int None = -1;

    private readonly Dictionary<int, int> _newestFor = [];
    private int[] _endpoint = [], _requests = [];
    private long[] _idleSince = [];
    private int[] _lruNewer = [], _lruOlder = [], _sameOlder = [], _sameNewer = [];
    private int _lruNewest = None, _lruOldest = None, _free = None, _used, _count;

    public UpstreamKeepAlivePool(int capacity, Duration idleTimeout, int maxRequests)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxRequests);
        Capacity = capacity;
        IdleTimeout = idleTimeout;
        MaxRequests = maxRequests;
    }

    public static UpstreamKeepAlivePool From(UpstreamKeepAliveSpec spec) => new(spec.Connections, spec.Timeout, spec.Requests);

    public int Capacity { get; }
    public Duration IdleTimeout { get; }
    public int MaxRequests { get; }

    /// <summary>Idle connections held (expired ones count until the next operation drops them).</summary>
    public int Count => _count;

    /// <summary>Takes an idle connection to <paramref name="endpoint"/> if one is open; otherwise the caller connects anew (<see cref="UpstreamConnection.Fresh"/>).</summary>
    public bool TryTake(int endpoint, Instant now, out UpstreamConnection connection)
    {
        DropExpired(now);
        if (!_newestFor.TryGetValue(endpoint, out int slot))
        {
            connection = default;
            return false;
        }
        connection = new UpstreamConnection(endpoint, _requests[slot]);
        Unlink(slot);
        return true;
    }

    /// <summary>A request on <paramref name="connection"/> has finished: the connection goes idle, unless it has served its last request.</summary>
    public void Return(UpstreamConnection connection, Instant now)
    {
        DropExpired(now);
        int served = connection.Requests + 1;
        if (served >= MaxRequests || Capacity == 0) return;
        if (_count == Capacity) Unlink(_lruOldest);
        int slot = TakeSlot();
        _endpoint[slot] = connection.Endpoint;
        _requests[slot] = served;
        _idleSince[slot] = now.Nanoseconds;
        _lruOlder[slot] = _lruNewest;
        _lruNewer[slot] = None;
        if (_lruNewest != None) _lruNewer[_lruNewest] = slot; else _lruOldest = slot;
        _lruNewest = slot;
        int previous = _newestFor.TryGetValue(connection.Endpoint, out int newest) ? newest : None;
        _sameOlder[slot] = previous;
        _sameNewer[slot] = None;
        if (previous != None) _sameNewer[previous] = slot;
        _newestFor[connection.Endpoint] = slot;
        _count++;
    }

    /// <summary>The endpoint's pod went away: its idle connections are closed.</summary>
    public void CloseAll(int endpoint)
    {
        while (_newestFor.TryGetValue(endpoint, out int slot)) Unlink(slot);
    }

    /// <summary>A new worker (after a reload or restart) starts with no idle connections.</summary>
    public void Clear()
    {
        _newestFor.Clear();
        _lruNewest = _lruOldest = _free = None;
        _used = _count = 0;
    }

    private void DropExpired(Instant now)
    {
        // The LRU list is in return order, so expired connections are all at its old end.
        while (_lruOldest != None && now.Nanoseconds - _idleSince[_lruOldest] >= IdleTimeout.Nanoseconds) Unlink(_lruOldest);
    }

    private void Unlink(int slot)
    {
        int newer = _lruNewer[slot], older = _lruOlder[slot];
        if (newer != None) _lruOlder[newer] = older; else _lruNewest = older;
        if (older != None) _lruNewer[older] = newer; else _lruOldest = newer;

        int endpoint = _endpoint[slot];
        int sameNewer = _sameNewer[slot], sameOlder = _sameOlder[slot];
        if (sameOlder != None) _sameNewer[sameOlder] = sameNewer;
        if (sameNewer != None) _sameOlder[sameNewer] = sameOlder;
        else if (sameOlder != None) _newestFor[endpoint] = sameOlder;
        else _newestFor.Remove(endpoint);

        _lruNewer[slot] = _free;
        _free = slot;
        _count--;
    }

    private int TakeSlot()
    {
        if (_free != None)
        {
            int slot = _free;
            _free = _lruNewer[slot];
            return slot;
        }
        if (_used == _endpoint.Length) Grow();
        return _used++;
    }

    private void Grow()
    {
        int size = (int)Math.Min(Capacity, Math.Max(16L, 2L * _endpoint.Length));
        Array.Resize(ref _endpoint, size);
        Array.Resize(ref _requests, size);
        Array.Resize(ref _idleSince, size);
        Array.Resize(ref _lruNewer, size);
        Array.Resize(ref _lruOlder, size);
        Array.Resize(ref _sameOlder, size);
        Array.Resize(ref _sameNewer, size);
    }
}

/// <summary>A connection from a worker to a pod endpoint and the requests it has served.</summary>
public readonly record struct UpstreamConnection(int Endpoint, int Requests)
{
    /// <summary>A connection just opened (the caller pays the TCP connect).</summary>
    public static UpstreamConnection Fresh(int endpoint) => new(endpoint, 0);
}

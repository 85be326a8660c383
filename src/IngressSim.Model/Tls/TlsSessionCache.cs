using IngressSim.Engine.Time;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Tls;

/// <summary>
/// One replica's TLS session cache (nginx <c>ssl_session_cache shared</c>; session tickets are off in
/// ingress-nginx, so this is the only way to resume — MODEL_FACTS §8). One session per client. Entries
/// expire <see cref="Timeout"/> after they were stored; when full, the oldest stored entry is dropped,
/// as nginx's ngx_ssl_new_session does ("drop the oldest non-expired session"); a resumption does not
/// refresh an entry (nginx keeps its queue in creation order). Memory grows with distinct clients up
/// to <see cref="Capacity"/>, never beyond.
/// </summary>
public sealed class TlsSessionCache
{
    /// <summary>
    /// Bytes per cached session. MODEL_FACTS §8: 10 MB holds ~40k sessions (nginx docs: 1 MB ≈ 4000),
    /// i.e. ~256 bytes each.
    /// </summary>
    public const int BytesPerSession = 256;

    private const int None = -1;

    private readonly Dictionary<long, int> _slotOf = [];
    private long[] _client = [];
    private long[] _storedAt = [];
    private int[] _newer = [], _older = [];
    private int _oldest = None, _newest = None, _free = None, _used;

    public TlsSessionCache(int capacity, Duration timeout)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        if (timeout.IsNegative) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "a timeout is non-negative");
        Capacity = capacity;
        Timeout = timeout;
    }

    public static TlsSessionCache From(TlsSessionCacheSpec spec) =>
        new((int)Math.Min(int.MaxValue, spec.Size.Bytes / BytesPerSession), spec.Timeout);

    public int Capacity { get; }
    public Duration Timeout { get; }
    public int Count => _slotOf.Count;

    /// <summary>Whether this client's session is cached and unexpired (an abbreviated handshake); an expired one is dropped.</summary>
    public bool TryResume(long clientId, Instant now)
    {
        if (!_slotOf.TryGetValue(clientId, out int slot)) return false;
        if (now.Nanoseconds - _storedAt[slot] < Timeout.Nanoseconds) return true;
        Remove(slot);
        return false;
    }

    /// <summary>Caches the session a full handshake created, replacing the client's older one.</summary>
    public void Store(long clientId, Instant now)
    {
        if (Capacity == 0) return;
        if (_slotOf.TryGetValue(clientId, out int existing)) Remove(existing);
        DropExpired(now);
        if (_slotOf.Count == Capacity) Remove(_oldest);
        int slot = TakeSlot();
        _client[slot] = clientId;
        _storedAt[slot] = now.Nanoseconds;
        _older[slot] = _newest;
        _newer[slot] = None;
        if (_newest != None) _newer[_newest] = slot; else _oldest = slot;
        _newest = slot;
        _slotOf.Add(clientId, slot);
    }

    /// <summary>A replica restart loses the cache (it lives in the nginx master's shared memory).</summary>
    public void Clear()
    {
        _slotOf.Clear();
        _oldest = _newest = _free = None;
        _used = 0;
    }

    private void DropExpired(Instant now)
    {
        while (_oldest != None && now.Nanoseconds - _storedAt[_oldest] >= Timeout.Nanoseconds) Remove(_oldest);
    }

    private void Remove(int slot)
    {
        _slotOf.Remove(_client[slot]);
        int newer = _newer[slot], older = _older[slot];
        if (newer != None) _older[newer] = older; else _newest = older;
        if (older != None) _newer[older] = newer; else _oldest = newer;
        _newer[slot] = _free;
        _free = slot;
    }

    private int TakeSlot()
    {
        if (_free != None)
        {
            int slot = _free;
            _free = _newer[slot];
            return slot;
        }
        if (_used == _client.Length) Grow();
        return _used++;
    }

    private void Grow()
    {
        int size = (int)Math.Min(Capacity, Math.Max(16L, 2L * _client.Length));
        Array.Resize(ref _client, size);
        Array.Resize(ref _storedAt, size);
        Array.Resize(ref _newer, size);
        Array.Resize(ref _older, size);
    }
}

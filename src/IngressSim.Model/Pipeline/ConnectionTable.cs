using IngressSim.Engine.Time;

namespace IngressSim.Model.Pipeline;

/// <summary>
/// Client connections, pooled like exchanges, and each client's idle keep-alive connection to each
/// controller: a client reuses its own connection, so how often a connection is reused — and how
/// many connections a reload forces to reconnect — follows from how often each client sends.
/// </summary>
public sealed class ConnectionTable
{
    private readonly SlotPool<ClientConnection> _slots = new();
    private readonly long[][] _idle; // per pool, per client: (generation, id) of its idle connection, or -1

    /// <param name="clientsPerPool">Clients of each pool (a pool = a traffic source's clients towards one controller).</param>
    public ConnectionTable(IReadOnlyList<int> clientsPerPool)
    {
        _idle = new long[clientsPerPool.Count][];
        for (int i = 0; i < _idle.Length; i++) Array.Fill(_idle[i] = new long[clientsPerPool[i]], -1L);
    }

    public int OpenCount { get; private set; }

    public ref ClientConnection this[int id] => ref _slots[id];

    /// <summary>Slots ever used: scan 0..Capacity-1 and check <see cref="ClientConnection.Open"/> (cold paths such as a reload).</summary>
    public int Capacity => _slots.Used;

    public int Open(int source, int client, int controller, int replica, int incarnation)
    {
        int id = _slots.Allocate();
        _slots[id] = new ClientConnection
        {
            Generation = _slots[id].Generation + 1,
            Open = true, Source = source, Client = client, Controller = controller, Replica = replica,
            ReplicaIncarnation = incarnation, Busy = true, ServerClosedAt = Instant.MaxValue, CutAt = Instant.MaxValue, ClosedByReload = -1,
        };
        OpenCount++;
        return id;
    }

    public void Close(int id)
    {
        ref var c = ref _slots[id];
        if (!c.Open) return;
        c.Open = false;
        _slots.Free(id);
        OpenCount--;
    }

    /// <summary>
    /// Keeps a connection as its client's idle one after a response. A client that already holds an
    /// idle one (it had opened a second for a concurrent request) closes the older, as browsers trim
    /// their pools.
    /// </summary>
    public void Release(int id, Instant now, int pool)
    {
        ref var c = ref _slots[id];
        if (!c.Open) return;
        c.Busy = false;
        c.IdleSince = now;
        ref long slot = ref _idle[pool][c.Client];
        if (IsIdle(slot, out int previous)) Close(previous);
        slot = ((long)c.Generation << 32) | (uint)id;
    }

    /// <summary>Takes the client's idle connection, or -1 when it has none.</summary>
    public int TakeIdle(int pool, int client)
    {
        ref long slot = ref _idle[pool][client];
        bool idle = IsIdle(slot, out int id);
        slot = -1;
        return idle ? id : -1;
    }

    /// <summary>Closes every idle connection <paramref name="expired"/> says is past its time (cold path, once per window).</summary>
    public void CloseIdle(int pool, Func<ClientConnection, bool> expired)
    {
        var slots = _idle[pool];
        for (int client = 0; client < slots.Length; client++)
            if (IsIdle(slots[client], out int id) && expired(_slots[id]))
            {
                Close(id);
                slots[client] = -1;
            }
    }

    private bool IsIdle(long handle, out int id)
    {
        id = (int)(uint)handle;
        if (handle < 0) return false;
        ref var c = ref _slots[id];
        return c.Open && !c.Busy && c.Generation == (int)(handle >> 32);
    }
}

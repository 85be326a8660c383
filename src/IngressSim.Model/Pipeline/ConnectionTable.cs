using IngressSim.Engine.Time;

namespace IngressSim.Model.Pipeline;

/// <summary>
/// Client connections, pooled like exchanges, and each traffic source's idle keep-alive connections
/// in a FIFO ordered by when they went idle: the oldest are at the front, so expired ones are found
/// (and closed) first, and a sweep stops at the first one still fresh.
/// </summary>
public sealed class ConnectionTable
{
    private ClientConnection[] _slots = new ClientConnection[1024];
    private int[] _free = new int[1024];
    private int _freeCount, _used;
    private readonly IdleQueue[] _idle;

    /// <param name="pools">Idle pools: one per (traffic source, controller), as a client keeps connections per origin.</param>
    public ConnectionTable(int pools)
    {
        _idle = new IdleQueue[pools];
        for (int i = 0; i < pools; i++) _idle[i] = new IdleQueue();
    }

    public int OpenCount { get; private set; }

    public ref ClientConnection this[int id] => ref _slots[id];

    /// <summary>Slots ever used: scan 0..Capacity-1 and check <see cref="ClientConnection.Open"/> (cold paths such as a reload).</summary>
    public int Capacity => _used;

    public int Open(int source, int client, int controller, int replica, int incarnation)
    {
        int id;
        if (_freeCount > 0) id = _free[--_freeCount];
        else
        {
            if (_used == _slots.Length)
            {
                Array.Resize(ref _slots, _slots.Length * 2);
                Array.Resize(ref _free, _free.Length * 2);
            }
            id = _used++;
        }
        _slots[id] = new ClientConnection
        {
            Generation = _slots[id].Generation + 1,
            Open = true, Source = source, Client = client, Controller = controller, Replica = replica,
            ReplicaIncarnation = incarnation, Busy = true, ServerClosedAt = Instant.MaxValue, DisturbedByReload = -1,
        };
        OpenCount++;
        return id;
    }

    public void Close(int id)
    {
        ref var c = ref _slots[id];
        if (!c.Open) return;
        c.Open = false;
        _free[_freeCount++] = id;
        OpenCount--;
    }

    /// <summary>Puts a connection back in an idle pool after a response.</summary>
    public void Release(int id, Instant now, int pool)
    {
        ref var c = ref _slots[id];
        if (!c.Open) return;
        c.Busy = false;
        c.IdleSince = now;
        _idle[pool].Enqueue(((long)c.Generation << 32) | (uint)id);
    }

    /// <summary>Takes the oldest idle connection of a pool, or -1 when none is idle.</summary>
    public int TakeIdle(int pool)
    {
        var queue = _idle[pool];
        while (queue.TryDequeue(out long handle))
            if (IsIdle(handle, out int id)) return id; // closed ones (by a reload, a timeout) are dropped here
        return -1;
    }

    /// <summary>Peeks at the oldest idle connection of a pool without taking it (-1 when none).</summary>
    public int OldestIdle(int pool)
    {
        var queue = _idle[pool];
        while (queue.TryPeek(out long handle))
        {
            if (IsIdle(handle, out int id)) return id;
            queue.TryDequeue(out _);
        }
        return -1;
    }

    private bool IsIdle(long handle, out int id)
    {
        id = (int)(uint)handle;
        ref var c = ref _slots[id];
        return c.Open && !c.Busy && c.Generation == (int)(handle >> 32);
    }

    /// <summary>A FIFO of (generation, id) handles in a ring buffer (no allocation once grown).</summary>
    private sealed class IdleQueue
    {
        private long[] _items = new long[256];
        private int _head, _count;

        public void Enqueue(long id)
        {
            if (_count == _items.Length)
            {
                var bigger = new long[_items.Length * 2];
                for (int i = 0; i < _count; i++) bigger[i] = _items[(_head + i) & (_items.Length - 1)];
                _items = bigger;
                _head = 0;
            }
            _items[(_head + _count++) & (_items.Length - 1)] = id;
        }

        public bool TryPeek(out long id)
        {
            id = _count > 0 ? _items[_head] : -1;
            return _count > 0;
        }

        public bool TryDequeue(out long id)
        {
            if (!TryPeek(out id)) return false;
            _head = (_head + 1) & (_items.Length - 1);
            _count--;
            return true;
        }
    }
}

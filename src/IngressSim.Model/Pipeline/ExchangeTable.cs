namespace IngressSim.Model.Pipeline;

/// <summary>
/// A pool of <see cref="Exchange"/> slots with a free list: requests in flight live in one growable
/// array, so a steady stream of requests allocates nothing. Event arguments pack (generation, slot)
/// into one long; <see cref="TryResolve"/> rejects an argument whose slot has moved on.
/// </summary>
public sealed class ExchangeTable
{
    private readonly SlotPool<Exchange> _slots = new();

    public int InFlight { get; private set; }


    public ref Exchange this[int slot] => ref _slots[slot];

    /// <summary>Exchanges in use whose client still waits for them.</summary>
    public int CountOpenForClient()
    {
        int open = 0;
        for (int i = 0; i < _slots.Used; i++) if (_slots[i].InUse && !_slots[i].ClientGone) open++;
        return open;
    }

    public int Allocate()
    {
        int slot = _slots.Allocate();
        ref var e = ref _slots[slot];
        int generation = e.Generation + 1;
        e = default;
        e.Generation = generation;
        e.InUse = true;
        InFlight++;
        return slot;
    }

    public void Free(int slot)
    {
        ref var e = ref _slots[slot];
        e.InUse = false;
        e.Generation++;
        _slots.Free(slot);
        InFlight--;
    }

    public long Handle(int slot) => ((long)_slots[slot].Generation << 32) | (uint)slot;

    /// <summary>The slot an event argument refers to, if that exchange is still the one it was scheduled for.</summary>
    public bool TryResolve(long handle, out int slot)
    {
        slot = (int)(uint)handle;
        return _slots[slot].InUse && _slots[slot].Generation == (int)(handle >> 32);
    }
}

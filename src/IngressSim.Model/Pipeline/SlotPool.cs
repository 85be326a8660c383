namespace IngressSim.Model.Pipeline;

/// <summary>
/// Struct slots with a free list: what is in flight (requests, connections) lives in one growable
/// array, reused as items finish, so a steady stream allocates nothing and memory follows the peak
/// number in flight, not the run length.
/// </summary>
public sealed class SlotPool<T> where T : struct
{
    private T[] _slots = new T[1024];
    private int[] _free = new int[1024];
    private int _freeCount;

    /// <summary>Slots ever used (the high-water mark): valid indices are 0..Used-1.</summary>
    public int Used { get; private set; }

    public ref T this[int slot] => ref _slots[slot];

    /// <summary>A free slot, its previous contents still there for the caller to reset (generations survive reuse).</summary>
    public int Allocate()
    {
        if (_freeCount > 0) return _free[--_freeCount];
        if (Used == _slots.Length)
        {
            Array.Resize(ref _slots, _slots.Length * 2);
            Array.Resize(ref _free, _free.Length * 2);
        }
        return Used++;
    }

    public void Free(int slot) => _free[_freeCount++] = slot;
}

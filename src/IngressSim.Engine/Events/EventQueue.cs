using System.Runtime.CompilerServices;
using IngressSim.Engine.Time;

namespace IngressSim.Engine.Events;

/// <summary>
/// A 4-ary min-heap of events stored by value in one array. Four children per node halve the depth
/// of a binary heap and keep siblings in one cache line; the array only grows (amortised), so a
/// simulation in steady state enqueues and dequeues without allocating.
/// </summary>
public sealed class EventQueue
{
    internal const int SequenceBits = 56;
    internal const ulong SequenceMask = (1UL << SequenceBits) - 1;
    public const int MaxPriority = 255;

    private ScheduledEvent[] _heap;
    private int _count;
    private ulong _sequence;

    public EventQueue(int initialCapacity = 1024) => _heap = new ScheduledEvent[Math.Max(4, initialCapacity)];

    public int Count => _count;

    /// <summary>Events scheduled so far: the next insertion sequence number.</summary>
    public long Scheduled => (long)_sequence;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Enqueue(Instant time, int priority, int handler, int kind, long arg) =>
        EnqueueOrdered(new ScheduledEvent(time, NextOrder(priority), handler, kind, arg));

    /// <summary>Takes the next insertion sequence for an event of <paramref name="priority"/>: its place among simultaneous events.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextOrder(int priority)
    {
        if ((uint)priority > MaxPriority) ThrowPriorityOutOfRange(priority);
        return ((ulong)priority << SequenceBits) | _sequence++;
    }

    /// <summary>Enqueues an event whose order was taken earlier (a delay line's next head keeps its own sequence).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EnqueueOrdered(in ScheduledEvent item)
    {
        if (_count == _heap.Length) Grow();
        SiftUp(_count++, item);
    }

    private static void ThrowPriorityOutOfRange(int priority) =>
        throw new ArgumentOutOfRangeException(nameof(priority), priority, "priority must be 0..255");

    private void Grow() => Array.Resize(ref _heap, _heap.Length * 2);

    public ref readonly ScheduledEvent Peek()
    {
        if (_count == 0) throw new InvalidOperationException("the event queue is empty");
        return ref _heap[0];
    }

    public ScheduledEvent Dequeue()
    {
        if (_count == 0) throw new InvalidOperationException("the event queue is empty");
        return RemoveTop();
    }

    /// <summary>Takes the earliest event if it is due strictly before <paramref name="until"/>: the run loop's one call per event.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryDequeueBefore(Instant until, out ScheduledEvent next)
    {
        if (_count == 0 || _heap[0].Time >= until)
        {
            next = default;
            return false;
        }
        next = RemoveTop();
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ScheduledEvent RemoveTop()
    {
        var heap = _heap;
        var top = heap[0];
        int last = --_count;
        if (last > 0) SiftDown(heap, last, in heap[last]);
        return top;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void SiftUp(int index, in ScheduledEvent item)
    {
        var heap = _heap;
        long time = item.Time.Nanoseconds;
        ulong order = item.Order;
        while (index > 0)
        {
            int parent = (index - 1) >> 2;
            ref var p = ref heap[parent];
            long pt = p.Time.Nanoseconds;
            if (pt < time || (pt == time && p.Order < order)) break;
            heap[index] = p;
            index = parent;
        }
        heap[index] = item;
    }

    /// <summary>
    /// Moves the last element (at <paramref name="count"/>, now outside the heap) down from the root,
    /// filling the hole left by the dequeued top; its key is held in registers throughout.
    /// </summary>
    private static void SiftDown(ScheduledEvent[] heap, int count, in ScheduledEvent item)
    {
        long time = item.Time.Nanoseconds;
        ulong order = item.Order;
        int index = 0;
        while (true)
        {
            int first = (index << 2) + 1;
            if (first >= count) break;
            int best = first;
            long bestTime = heap[first].Time.Nanoseconds;
            ulong bestOrder = heap[first].Order;
            int end = Math.Min(first + 4, count);
            for (int c = first + 1; c < end; c++)
            {
                long ct = heap[c].Time.Nanoseconds;
                if (ct < bestTime || (ct == bestTime && heap[c].Order < bestOrder))
                {
                    best = c;
                    bestTime = ct;
                    bestOrder = heap[c].Order;
                }
            }
            if (time < bestTime || (time == bestTime && order < bestOrder)) break;
            heap[index] = heap[best];
            index = best;
        }
        heap[index] = item;
    }
}

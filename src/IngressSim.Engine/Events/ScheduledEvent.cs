using IngressSim.Engine.Time;

namespace IngressSim.Engine.Events;

/// <summary>
/// One pending event, stored by value in the queue: 32 bytes and no object reference, so moving it
/// within the heap costs no GC write barrier. Its place in the total order is
/// (<see cref="Time"/>, <see cref="Order"/>), where Order packs the priority (8 bits) above the
/// insertion sequence: simultaneous events run by priority, then in the order they were scheduled
/// (after SimSharp's EventQueueNode) — never by chance, so variants keep common random numbers.
/// </summary>
public readonly struct ScheduledEvent(Instant time, ulong order, int handler, int kind, long arg)
{
    public readonly Instant Time = time;
    public readonly ulong Order = order;
    public readonly long Arg = arg;
    public readonly int Handler = handler;
    public readonly int Kind = kind;

    public int Priority => (int)(Order >> EventQueue.SequenceBits);
    public long Sequence => (long)(Order & EventQueue.SequenceMask);

    public bool RunsBefore(in ScheduledEvent other) =>
        Time.Nanoseconds < other.Time.Nanoseconds ||
        (Time.Nanoseconds == other.Time.Nanoseconds && Order < other.Order);
}

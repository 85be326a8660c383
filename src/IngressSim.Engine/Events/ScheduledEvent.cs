using IngressSim.Engine.Time;

namespace IngressSim.Engine.Events;

/// <summary>
/// One pending event, stored by value (32 bytes) in the queue. Its place in the total order is
/// (<see cref="Time"/>, <see cref="Order"/>), where Order packs priority (8 bits) above the insertion
/// sequence (40 bits) above the handler's event kind (16 bits): simultaneous events run by priority,
/// then in the order they were scheduled (after SimSharp's EventQueueNode) — never by chance, so
/// variants keep common random numbers. The kind never decides order: sequences are unique.
/// </summary>
public readonly struct ScheduledEvent(Instant time, ulong order, IEventHandler handler, long arg)
{
    public readonly Instant Time = time;
    public readonly ulong Order = order;
    public readonly IEventHandler Handler = handler;
    public readonly long Arg = arg;

    public int Priority => (int)(Order >> EventQueue.PriorityShift);
    public long Sequence => (long)((Order >> EventQueue.SequenceShift) & EventQueue.SequenceMask);
    public int Kind => (int)(Order & EventQueue.KindMask);

    public bool RunsBefore(in ScheduledEvent other) =>
        Time.Nanoseconds < other.Time.Nanoseconds ||
        (Time.Nanoseconds == other.Time.Nanoseconds && Order < other.Order);
}

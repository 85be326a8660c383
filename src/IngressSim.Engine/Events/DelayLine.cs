using IngressSim.Engine.Time;

namespace IngressSim.Engine.Events;

/// <summary>
/// Events that all happen a fixed delay after they are scheduled — a network hop, say — fire in the
/// order they were scheduled, so they can wait in a FIFO with only the oldest in the event queue.
/// Each keeps the insertion sequence it got when scheduled, so the run's total order (time, priority,
/// sequence) is exactly what scheduling them one by one would give; the heap just stays small.
/// </summary>
public sealed class DelayLine
{
    private readonly Simulation _simulation;
    private ScheduledEvent[] _items = new ScheduledEvent[64];
    private int _head, _count;

    internal DelayLine(Simulation simulation, int index, Duration delay, HandlerId handler, int kind, int priority)
    {
        if (delay.IsNegative) throw new ArgumentOutOfRangeException(nameof(delay), delay, "a delay line cannot go back in time");
        _simulation = simulation;
        Index = index;
        Delay = delay;
        Handler = handler;
        Kind = kind;
        Priority = priority;
    }

    internal int Index { get; }
    public Duration Delay { get; }
    public HandlerId Handler { get; }
    public int Kind { get; }
    public int Priority { get; }
    public int Count => _count;

    /// <summary>Schedules the line's event for <paramref name="arg"/> at now + <see cref="Delay"/>.</summary>
    public void Schedule(long arg)
    {
        var item = new ScheduledEvent(_simulation.Now + Delay, _simulation.Queue.NextOrder(Priority), ~Index, Kind, arg);
        if (_count == _items.Length) Grow();
        _items[(_head + _count++) & (_items.Length - 1)] = item;
        if (_count == 1) _simulation.Queue.EnqueueOrdered(item);
    }

    /// <summary>The head fired: the next one (if any) takes its place in the event queue. Returns the fired event.</summary>
    internal ScheduledEvent Advance()
    {
        var fired = _items[_head];
        _head = (_head + 1) & (_items.Length - 1);
        if (--_count > 0) _simulation.Queue.EnqueueOrdered(_items[_head]);
        return fired;
    }

    private void Grow()
    {
        var bigger = new ScheduledEvent[_items.Length * 2];
        for (int i = 0; i < _count; i++) bigger[i] = _items[(_head + i) & (_items.Length - 1)];
        _items = bigger;
        _head = 0;
    }
}

using System.Runtime.CompilerServices;
using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;

namespace IngressSim.Engine.Events;

/// <summary>
/// The event loop (after SimSharp's Environment): <see cref="Run(Instant, CancellationToken)"/>
/// repeatedly takes the earliest event, advances <see cref="Now"/> to it and hands it to its
/// handler. Nothing here reads the wall clock; the only sources of variation are the seeded streams.
/// </summary>
public sealed class Simulation(ulong seed)
{
    /// <summary>Priority of ordinary events; lower numbers run first among simultaneous events.</summary>
    public const int NormalPriority = 128;

    private const long CancellationCheckMask = 4095;

    private readonly EventQueue _queue = new();
    private readonly List<DelayLine> _lines = [];
    private IEventHandler[] _handlers = new IEventHandler[16];
    private int _handlerCount;
    private bool _stopRequested;

    public Instant Now { get; private set; }
    public long ProcessedEvents { get; private set; }
    public RandomStreams Random { get; } = new(seed);
    /// <summary>Events waiting: in the queue, plus those behind the head of each delay line.</summary>
    public int PendingEvents => _queue.Count + _lines.Sum(l => Math.Max(0, l.Count - 1));
    public bool StopRequested => _stopRequested;

    /// <summary>Optional trace of every event, in execution order.</summary>
    public IEventObserver? Observer { get; set; }

    internal EventQueue Queue => _queue;

    /// <summary>
    /// A FIFO for events <paramref name="delay"/> after they are scheduled, delivered to
    /// <paramref name="handler"/> as <paramref name="kind"/> (see <see cref="DelayLine"/>).
    /// </summary>
    public DelayLine CreateDelayLine(Duration delay, HandlerId handler, int kind, int priority = NormalPriority)
    {
        var line = new DelayLine(this, _lines.Count, delay, handler, kind, priority);
        _lines.Add(line);
        return line;
    }

    /// <summary>Registers a component that will receive events; keep the id to schedule them.</summary>
    public HandlerId Register(IEventHandler handler)
    {
        if (_handlerCount == _handlers.Length) Array.Resize(ref _handlers, _handlers.Length * 2);
        _handlers[_handlerCount] = handler;
        return new HandlerId(_handlerCount++);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Schedule(Instant at, HandlerId handler, int kind = 0, long arg = 0, int priority = NormalPriority)
    {
        if (at.Nanoseconds < Now.Nanoseconds) ThrowInThePast(at);
        if ((uint)handler.Value >= (uint)_handlerCount) ThrowNotRegistered(handler);
        _queue.Enqueue(at, priority, handler.Value, kind, arg);
    }

    private void ThrowInThePast(Instant at) =>
        throw new ArgumentOutOfRangeException(nameof(at), at, $"cannot schedule in the past (now {Now})");

    private static void ThrowNotRegistered(HandlerId handler) =>
        throw new ArgumentOutOfRangeException(nameof(handler), handler.Value, "handler is not registered with this simulation");

    public void ScheduleAfter(Duration delay, HandlerId handler, int kind = 0, long arg = 0, int priority = NormalPriority) =>
        Schedule(Now + delay, handler, kind, arg, priority);

    /// <summary>Asks the loop to stop after the current event (e.g. when N customers completed).</summary>
    public void Stop() => _stopRequested = true;

    /// <summary>
    /// Runs events strictly before <paramref name="until"/>: the stop sorts before every event at
    /// that instant, so a run to T and a second run from T split the history exactly. Returns early
    /// when <see cref="Stop"/> is called, the queue empties, or cancellation is requested.
    /// </summary>
    public StopReason Run(Instant until, CancellationToken cancellation = default)
    {
        _stopRequested = false;
        var queue = _queue;
        var handlers = _handlers;
        while (!_stopRequested)
        {
            if (!queue.TryDequeueBefore(until, out var e))
            {
                bool empty = queue.Count == 0;
                if (!empty || until != Instant.MaxValue) Now = until;
                return empty ? StopReason.QueueEmpty : StopReason.TimeReached;
            }
            Now = e.Time;
            int handlerIndex = e.Handler;
            if (handlerIndex < 0)
            {
                var line = _lines[~handlerIndex];
                line.Advance();
                handlerIndex = line.Handler.Value;
            }
            if (handlerIndex >= handlers.Length) handlers = _handlers; // registered during the run
            var handler = handlers[handlerIndex];
            Observer?.OnEvent(e.Time, e.Sequence, e.Priority, handler, e.Kind, e.Arg);
            handler.Handle(this, e.Kind, e.Arg);
            if ((++ProcessedEvents & CancellationCheckMask) == 0 && cancellation.IsCancellationRequested)
                return StopReason.Cancelled;
        }
        return StopReason.Stopped;
    }

    /// <summary>Runs until <see cref="Stop"/> is called, the queue empties or cancellation.</summary>
    public StopReason Run(CancellationToken cancellation = default) => Run(Instant.MaxValue, cancellation);
}

public enum StopReason { TimeReached, Stopped, QueueEmpty, Cancelled }

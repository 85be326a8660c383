using IngressSim.Engine.Time;

namespace IngressSim.Model.Pipeline;

/// <summary>
/// A traffic source's pending client timeouts. Every attempt enters at its start time with the
/// source's one timeout, so deadlines arrive in order and a FIFO replaces a timer per request in
/// the event queue: one engine event serves the head, stale entries (answered attempts) are skipped.
/// </summary>
public sealed class TimeoutQueue
{
    private (Instant Deadline, long Exchange)[] _items = new (Instant, long)[256];
    private int _head, _count;

    public int Count => _count;

    public void Enqueue(Instant deadline, long exchange)
    {
        if (_count == _items.Length)
        {
            var bigger = new (Instant, long)[_items.Length * 2];
            for (int i = 0; i < _count; i++) bigger[i] = _items[(_head + i) & (_items.Length - 1)];
            _items = bigger;
            _head = 0;
        }
        _items[(_head + _count++) & (_items.Length - 1)] = (deadline, exchange);
    }

    public Instant HeadDeadline => _items[_head].Deadline;

    public long Dequeue()
    {
        var item = _items[_head];
        _head = (_head + 1) & (_items.Length - 1);
        _count--;
        return item.Exchange;
    }
}

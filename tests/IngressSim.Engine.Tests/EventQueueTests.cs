using IngressSim.Engine.Events;
using IngressSim.Engine.Time;

namespace IngressSim.Engine.Tests;

public class EventQueueTests
{
    [Fact]
    public void Dequeue_OrdersByTimeThenPriorityThenInsertion()
    {
        var q = new EventQueue(4);
        q.Enqueue(new Instant(20), 128, 0, 0, 1);
        q.Enqueue(new Instant(10), 128, 0, 0, 2);
        q.Enqueue(new Instant(10), 5, 0, 0, 3);
        q.Enqueue(new Instant(10), 128, 0, 0, 4);
        q.Enqueue(new Instant(5), 200, 0, 0, 5);
        var order = new List<long>();
        while (q.Count > 0) order.Add(q.Dequeue().Arg);
        Assert.Equal([5, 3, 2, 4, 1], order);
    }

    [Fact]
    public void Enqueue_GrowsPastInitialCapacity()
    {
        var q = new EventQueue(4);
        for (int i = 1000; i > 0; i--) q.Enqueue(new Instant(i), 128, 0, 0, i);
        for (int i = 1; i <= 1000; i++) Assert.Equal(i, q.Dequeue().Arg);
    }

    [Fact]
    public void Enqueue_PriorityOutOfRange_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new EventQueue().Enqueue(Instant.Zero, 256, 0, 0, 0));

    [Fact]
    public void Dequeue_Empty_Throws() => Assert.Throws<InvalidOperationException>(() => new EventQueue().Dequeue());
}

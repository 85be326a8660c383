using IngressSim.Engine.Time;
using IngressSim.Queueing;

namespace IngressSim.Engine.Tests;

public class AllocationTests
{
    [Fact]
    public void SteadyState_AllocatesNothingPerEvent()
    {
        var model = new MmcModel(new MmcParameters { Servers = 4, ArrivalRate = 3.6, ServiceRate = 1, Customers = long.MaxValue / 4, Seed = 3 });
        model.Start();
        // Warm up: the heap and the station's ring buffer grow to their working size, the JIT settles.
        model.Simulation.Run(Instant.FromSeconds(20_000));
        long eventsBefore = model.Simulation.ProcessedEvents;
        long before = GC.GetAllocatedBytesForCurrentThread();
        model.Simulation.Run(Instant.FromSeconds(40_000));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        long events = model.Simulation.ProcessedEvents - eventsBefore;
        Assert.True(events > 100_000, $"only {events} events");
        // A rare growth of a buffer is allowed; anything proportional to the events is not.
        Assert.True(allocated < 64 * 1024, $"{allocated} bytes over {events} events");
    }
}

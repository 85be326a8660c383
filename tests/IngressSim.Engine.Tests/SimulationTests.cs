using IngressSim.Engine.Events;
using IngressSim.Engine.Time;

namespace IngressSim.Engine.Tests;

public class SimulationTests
{
    /// <summary>Records what ran and reschedules itself every second, forever.</summary>
    private sealed class Ticker : IEventHandler
    {
        public Ticker(Simulation simulation) => Id = simulation.Register(this);
        public HandlerId Id { get; }
        public List<(Instant Time, long Arg)> Ran { get; } = [];
        public void Handle(Simulation simulation, int kind, long arg)
        {
            Ran.Add((simulation.Now, arg));
            simulation.ScheduleAfter(Duration.FromSeconds(1), Id, 0, arg + 1);
        }
    }

    [Fact]
    public void Run_UntilTime_StopsBeforeEventsAtThatInstant()
    {
        var sim = new Simulation(1);
        var t = new Ticker(sim);
        sim.Schedule(Instant.Zero, t.Id);
        Assert.Equal(StopReason.TimeReached, sim.Run(Instant.FromSeconds(3)));
        Assert.Equal([0L, 1, 2], t.Ran.Select(r => r.Arg));
        Assert.Equal(Instant.FromSeconds(3), sim.Now);
        // A second run continues exactly where the first stopped: the history splits cleanly.
        sim.Run(Instant.FromSeconds(5));
        Assert.Equal([0L, 1, 2, 3, 4], t.Ran.Select(r => r.Arg));
    }

    [Fact]
    public void Stop_EndsTheRunAfterTheCurrentEvent()
    {
        var sim = new Simulation(1);
        var stopper = new StopAfter(3);
        sim.Schedule(Instant.Zero, sim.Register(stopper));
        Assert.Equal(StopReason.Stopped, sim.Run());
        Assert.Equal(3, stopper.Count);
    }

    private sealed class StopAfter(int n) : IEventHandler
    {
        public int Count { get; private set; }
        public void Handle(Simulation simulation, int kind, long arg)
        {
            if (++Count == n) simulation.Stop();
            simulation.ScheduleAfter(Duration.FromMilliseconds(1), new HandlerId(0));
        }
    }

    [Fact]
    public void Run_Cancelled_ReturnsCancelled()
    {
        var sim = new Simulation(1);
        sim.Schedule(Instant.Zero, new Ticker(sim).Id);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.Equal(StopReason.Cancelled, sim.Run(cts.Token));
    }

    [Fact]
    public void Run_EmptyQueue_AdvancesToTheStopTime()
    {
        var sim = new Simulation(1);
        Assert.Equal(StopReason.QueueEmpty, sim.Run(Instant.FromSeconds(10)));
        Assert.Equal(Instant.FromSeconds(10), sim.Now);
    }

    [Fact]
    public void Schedule_InThePast_Throws()
    {
        var sim = new Simulation(1);
        sim.Run(Instant.FromSeconds(1));
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Schedule(Instant.Zero, new Ticker(sim).Id));
    }

    [Fact]
    public void Schedule_UnregisteredHandler_Throws()
    {
        var sim = new Simulation(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.Schedule(Instant.Zero, new HandlerId(3)));
    }
}

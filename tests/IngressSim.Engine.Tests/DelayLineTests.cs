using FsCheck.Xunit;
using IngressSim.Engine.Events;
using IngressSim.Engine.Time;

namespace IngressSim.Engine.Tests;

public class DelayLineTests
{
    /// <summary>Schedules follow-ups: some through delay lines, some directly; records what ran.</summary>
    private sealed class Hops : IEventHandler
    {
        private readonly bool _useLines;
        private readonly DelayLine[] _lines;
        private readonly Duration[] _delays;
        public List<(long Time, int Kind, long Arg)> Ran { get; } = [];
        public HandlerId Id { get; }

        public Hops(Simulation simulation, bool useLines, Duration[] delays)
        {
            Id = simulation.Register(this);
            _useLines = useLines;
            _delays = delays;
            _lines = delays.Select((d, i) => simulation.CreateDelayLine(d, Id, i)).ToArray();
        }

        public void Schedule(Simulation simulation, int kind, long arg)
        {
            if (_useLines) _lines[kind].Schedule(arg);
            else simulation.ScheduleAfter(_delays[kind], Id, kind, arg);
        }

        public void Handle(Simulation simulation, int kind, long arg)
        {
            Ran.Add((simulation.Now.Nanoseconds, kind, arg));
            if (arg < 2000) Schedule(simulation, (int)((arg * 7 + kind) % _delays.Length), arg + 3);
        }
    }

    private static List<(long, int, long)> Trace(bool useLines, byte[] delaysMs)
    {
        var sim = new Simulation(1);
        var delays = delaysMs.Select(d => Duration.FromMilliseconds(d % 5)).DefaultIfEmpty(Duration.FromMilliseconds(1)).ToArray();
        var hops = new Hops(sim, useLines, delays);
        for (int i = 0; i < 3; i++) sim.Schedule(Instant.Zero, hops.Id, 0, i);
        sim.Run();
        return hops.Ran;
    }

    /// <summary>Delay lines are an optimisation only: the run's total order is exactly as if every event went to the queue.</summary>
    [Property(MaxTest = 100)]
    public bool DelayLines_GiveTheSameTraceAsDirectScheduling(byte[] delaysMs) =>
        Trace(useLines: true, delaysMs).SequenceEqual(Trace(useLines: false, delaysMs));

    [Fact]
    public void DelayLine_HoldsOnlyItsHeadInTheQueue()
    {
        var sim = new Simulation(1);
        var hops = new Hops(sim, useLines: true, [Duration.FromSeconds(1)]);
        var line = sim.CreateDelayLine(Duration.FromSeconds(1), hops.Id, 0);
        for (int i = 0; i < 10; i++) line.Schedule(5000 + i);
        Assert.Equal(10, sim.PendingEvents);
        Assert.Equal(10, line.Count);
    }

    [Fact]
    public void DelayLine_NegativeDelay_Throws()
    {
        var sim = new Simulation(1);
        Assert.Throws<ArgumentOutOfRangeException>(() => sim.CreateDelayLine(Duration.FromSeconds(-1), sim.Register(new Hops(sim, false, [Duration.Zero])), 0));
    }
}

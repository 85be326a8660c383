using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IngressSim.Engine.Events;
using IngressSim.Engine.Time;
using IngressSim.Queueing;

namespace IngressSim.Engine.Tests;

/// <summary>Invariants of the event loop that must hold for every seed and every schedule.</summary>
public class EnginePropertyTests
{
    private sealed class Trace : IEventObserver
    {
        public List<(long Time, long Sequence, int Priority, int Kind, long Arg)> Events { get; } = [];
        public void OnEvent(Instant time, long sequence, int priority, IEventHandler handler, int kind, long arg) =>
            Events.Add((time.Nanoseconds, sequence, priority, kind, arg));
    }

    private static List<(long Time, long Sequence, int Priority, int Kind, long Arg)> TraceMmc(ulong seed, int servers, int customers)
    {
        var model = new MmcModel(new MmcParameters { Servers = servers, ArrivalRate = 0.9 * servers, ServiceRate = 1, Customers = customers, Seed = seed });
        var trace = new Trace();
        model.Simulation.Observer = trace;
        model.Run();
        return trace.Events;
    }

    [Property(MaxTest = 50)]
    public bool Clock_NeverGoesBackwards(ulong seed, PositiveInt servers)
    {
        var events = TraceMmc(seed, 1 + servers.Get % 8, 500);
        for (int i = 1; i < events.Count; i++) if (events[i].Time < events[i - 1].Time) return false;
        return events.Count > 0;
    }

    [Property(MaxTest = 30)]
    public bool SameSeed_GivesIdenticalTrace(ulong seed) => TraceMmc(seed, 3, 300).SequenceEqual(TraceMmc(seed, 3, 300));

    [Property(MaxTest = 30)]
    public bool DifferentSeeds_GiveDifferentTraces(ulong seed) =>
        !TraceMmc(seed, 2, 200).Select(e => e.Time).SequenceEqual(TraceMmc(seed + 1, 2, 200).Select(e => e.Time));

    private sealed class Sink : IEventHandler
    {
        public void Handle(Simulation simulation, int kind, long arg) { }
    }

    /// <summary>Events scheduled at few distinct instants and priorities run in (time, priority, insertion) order.</summary>
    [Property(MaxTest = 200)]
    public bool SimultaneousEvents_RunByPriorityThenInsertionOrder(byte[] times, byte[] priorities)
    {
        var sim = new Simulation(1);
        var trace = new Trace();
        sim.Observer = trace;
        var sink = sim.Register(new Sink());
        int n = Math.Min(times.Length, priorities.Length);
        for (int i = 0; i < n; i++) sim.Schedule(new Instant(times[i] % 4), sink, 0, i, priorities[i] % 3);
        sim.Run();
        var expected = Enumerable.Range(0, n).OrderBy(i => times[i] % 4).ThenBy(i => priorities[i] % 3).ThenBy(i => i).Select(i => (long)i);
        return trace.Events.Select(e => e.Arg).SequenceEqual(expected);
    }

    /// <summary>Conservation: at any stop time, every arrival is blocked, completed, queued or in service.</summary>
    [Property(MaxTest = 50)]
    public bool EveryCustomer_IsAccountedFor(ulong seed, PositiveInt servers, PositiveInt stopMs, bool bounded)
    {
        int c = 1 + servers.Get % 6;
        var model = new MmcModel(new MmcParameters
        {
            Servers = c, ArrivalRate = 1.2 * c, ServiceRate = 1, Customers = long.MaxValue / 4, Seed = seed,
            Capacity = bounded ? c + 3 : -1,
        });
        model.Start();
        model.Simulation.Run(Instant.Zero + Duration.FromMilliseconds(1 + stopMs.Get % 200_000));
        var s = model.Station;
        return s.Arrivals == s.Blocked + s.Completed + s.Queued + s.Busy;
    }
}

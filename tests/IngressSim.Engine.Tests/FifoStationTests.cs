using IngressSim.Engine.Events;
using IngressSim.Engine.Stations;
using IngressSim.Engine.Time;

namespace IngressSim.Engine.Tests;

public class FifoStationTests
{
    private sealed class Recorder : IStationListener
    {
        public List<(long Customer, Instant Arrived, Instant Started, Instant Left)> Departures { get; } = [];
        public Simulation? Simulation { get; set; }
        public void OnDeparture(FifoStation station, long customer, Instant arrived, Instant started) =>
            Departures.Add((customer, arrived, started, Simulation!.Now));
    }

    private static (Simulation, FifoStation, Recorder) Make(int servers, int capacity)
    {
        var sim = new Simulation(1);
        var rec = new Recorder { Simulation = sim };
        return (sim, new FifoStation(sim, servers, capacity, rec), rec);
    }

    [Fact]
    public void SingleServer_ServesInArrivalOrder_AndQueuesTheRest()
    {
        var (sim, station, rec) = Make(1, FifoStation.Unbounded);
        for (int i = 0; i < 3; i++) station.Arrive(i, Duration.FromSeconds(2));
        Assert.Equal(1, station.Busy);
        Assert.Equal(2, station.Queued);
        sim.Run();
        Assert.Equal([0L, 1, 2], rec.Departures.Select(d => d.Customer));
        Assert.Equal([0L, 2, 4], rec.Departures.Select(d => d.Started.TotalSeconds).Select(s => (long)s));
        Assert.Equal(6, sim.Now.TotalSeconds);
    }

    [Fact]
    public void TwoServers_WorkInParallel()
    {
        var (sim, station, rec) = Make(2, FifoStation.Unbounded);
        for (int i = 0; i < 4; i++) station.Arrive(i, Duration.FromSeconds(1));
        sim.Run();
        Assert.Equal(2, sim.Now.TotalSeconds);
        Assert.Equal(4, station.Completed);
    }

    [Fact]
    public void Capacity_BlocksArrivalsBeyondK()
    {
        var (_, station, _) = Make(1, 2);
        Assert.True(station.Arrive(0, Duration.FromSeconds(1)));
        Assert.True(station.Arrive(1, Duration.FromSeconds(1)));
        Assert.False(station.Arrive(2, Duration.FromSeconds(1)));
        Assert.Equal(1, station.Blocked);
        Assert.Equal(3, station.Arrivals);
    }

    [Fact]
    public void Queue_GrowsBeyondItsInitialBuffer_KeepingFifoOrder()
    {
        var (sim, station, rec) = Make(1, FifoStation.Unbounded);
        for (int i = 0; i < 500; i++) station.Arrive(i, Duration.FromMilliseconds(1));
        sim.Run();
        Assert.Equal(Enumerable.Range(0, 500).Select(i => (long)i), rec.Departures.Select(d => d.Customer));
    }

    [Fact]
    public void AverageInSystem_IntegratesOverTime()
    {
        var (sim, station, _) = Make(1, FifoStation.Unbounded);
        station.Arrive(0, Duration.FromSeconds(1)); // 1 customer for 1 s, then empty for 1 s
        sim.Run(Instant.FromSeconds(2));
        Assert.Equal(0.5, station.AverageInSystem, 12);
    }
}

using IngressSim.Distributions;
using IngressSim.Engine.Events;
using IngressSim.Engine.Stations;
using IngressSim.Engine.Time;

namespace IngressSim.Queueing;

/// <summary>
/// Poisson arrivals into a c-server FIFO station with exponential (or deterministic) service: the
/// engine's own M/M/c. Two events per customer (arrival, departure); it stops when the requested
/// number of customers has completed after the warm-up.
/// </summary>
public sealed class MmcModel : IEventHandler, IStationListener
{
    private readonly MmcParameters _p;
    private readonly Simulation _simulation;
    private readonly HandlerId _arrivals;
    private readonly FifoStation _station;
    private readonly ISampler _interarrival, _service;
    private readonly BatchMeans _waits, _sojourns, _blocked;
    private long _arrived, _completed;
    private Instant _measureFrom;

    public MmcModel(MmcParameters parameters)
    {
        _p = parameters;
        _simulation = new Simulation(parameters.Seed);
        _arrivals = _simulation.Register(this);
        _station = new FifoStation(_simulation, parameters.Servers, parameters.Capacity, this, "mmc");
        _interarrival = Samplers.ExponentialWithMean(1 / parameters.ArrivalRate, _simulation.Random.For("arrivals"));
        _service = parameters.DeterministicService
            ? Samplers.Constant(1 / parameters.ServiceRate)
            : Samplers.ExponentialWithMean(1 / parameters.ServiceRate, _simulation.Random.For("service"));
        _waits = new BatchMeans(parameters.Customers, parameters.Batches);
        _sojourns = new BatchMeans(parameters.Customers, parameters.Batches);
        _blocked = new BatchMeans(parameters.Customers, parameters.Batches);
    }

    public Simulation Simulation => _simulation;

    public FifoStation Station => _station;

    /// <summary>Schedules the first arrival; <see cref="Run"/> does it for you.</summary>
    public void Start() => _simulation.Schedule(Instant.Zero + Next(_interarrival), _arrivals);

    public MmcResult Run(CancellationToken cancellation = default)
    {
        Start();
        _simulation.Run(cancellation);
        return Result();
    }

    public MmcResult Result()
    {
        double elapsed = (_simulation.Now - _measureFrom).TotalSeconds;
        return new MmcResult(
            Customers: _completed - _p.WarmupCustomers,
            Events: _simulation.ProcessedEvents,
            MeanWait: _waits.Mean,
            MeanWaitHalfWidth: _waits.HalfWidth(),
            MeanSojourn: _sojourns.Mean,
            MeanSojournHalfWidth: _sojourns.HalfWidth(),
            BlockingProbability: _p.Capacity == FifoStation.Unbounded ? 0 : _blocked.Mean,
            BlockingHalfWidth: _p.Capacity == FifoStation.Unbounded ? 0 : _blocked.HalfWidth(),
            TimeAverageInSystem: _station.AverageInSystem,
            ThroughputPerSecond: _station.Completed / elapsed,
            SimulatedSeconds: _simulation.Now.TotalSeconds);
    }

    void IEventHandler.Handle(Simulation simulation, int kind, long arg)
    {
        bool admitted = _station.Arrive(_arrived++, Next(_service));
        if (_p.Capacity != FifoStation.Unbounded && _completed >= _p.WarmupCustomers) _blocked.Add(admitted ? 0 : 1);
        simulation.ScheduleAfter(Next(_interarrival), _arrivals);
    }

    void IStationListener.OnDeparture(FifoStation station, long customer, Instant arrived, Instant started)
    {
        var now = _simulation.Now;
        if (++_completed <= _p.WarmupCustomers)
        {
            if (_completed == _p.WarmupCustomers)
            {
                _measureFrom = now;
                _station.ResetStatistics();
            }
            return;
        }
        _waits.Add((started.Nanoseconds - arrived.Nanoseconds) * SecondsPerNanosecond);
        _sojourns.Add((now.Nanoseconds - arrived.Nanoseconds) * SecondsPerNanosecond);
        if (_completed == _p.WarmupCustomers + _p.Customers) _simulation.Stop();
    }

    private const double SecondsPerNanosecond = 1e-9;

    private static Duration Next(ISampler sampler) => Duration.FromSecondsRounded(sampler.Sample());
}

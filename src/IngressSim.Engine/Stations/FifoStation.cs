using IngressSim.Engine.Events;
using IngressSim.Engine.Time;

namespace IngressSim.Engine.Stations;

/// <summary>
/// A c-server first-come-first-served queue with optional capacity (the G/G/c/K station of queueing
/// theory), reused by the model wherever work waits for a CPU, a worker or a connection slot.
/// The caller supplies each customer's service time on arrival (so the sample is tied to the
/// customer, keeping common random numbers across variants). Waiting customers sit in a ring buffer
/// of structs: no allocation per customer once the buffer has grown to the largest backlog.
/// </summary>
public sealed class FifoStation : IEventHandler
{
    public const int Unbounded = -1;

    private readonly Simulation _simulation;
    private readonly HandlerId _id;
    private readonly IStationListener _listener;
    private readonly int _capacity;
    private Waiting[] _queue = new Waiting[64];
    private int _head, _queued;
    private InService[] _servers;
    private int[] _freeServers;
    private int _freeCount;
    // L·T without touching every event: the time each customer has spent here since _statsFrom
    // is added when it leaves; customers still present are added when the average is asked for.
    private double _departedArea;
    private Instant _statsFrom;

    /// <param name="servers">c, the number of parallel servers (≥ 1).</param>
    /// <param name="capacity">K, the most customers in the station (queue + service), or <see cref="Unbounded"/>.</param>
    public FifoStation(Simulation simulation, int servers, int capacity, IStationListener listener, string name = "station")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(servers, 1);
        if (capacity != Unbounded && capacity < servers)
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "capacity must be at least the number of servers");
        _simulation = simulation;
        _id = simulation.Register(this);
        _listener = listener;
        _capacity = capacity;
        Name = name;
        _servers = new InService[servers];
        _freeServers = new int[servers];
        for (int i = 0; i < servers; i++) _freeServers[i] = servers - 1 - i;
        _freeCount = servers;
        _statsFrom = simulation.Now;
    }

    public string Name { get; }
    public int Servers => _servers.Length;
    public int Busy => _servers.Length - _freeCount;
    public int Queued => _queued;
    public int InSystem => Busy + _queued;
    public long Arrivals { get; private set; }
    public long Blocked { get; private set; }
    public long Completed { get; private set; }

    /// <summary>Time-average number of customers in the station since creation or the last <see cref="ResetStatistics"/>.</summary>
    public double AverageInSystem
    {
        get
        {
            var now = _simulation.Now;
            double area = _departedArea;
            for (int i = 0; i < _servers.Length; i++)
                if (_servers[i].Busy) area += TimeHereSinceStatsStart(_servers[i].Arrived, now);
            for (int i = 0; i < _queued; i++)
                area += TimeHereSinceStatsStart(_queue[(_head + i) & (_queue.Length - 1)].Arrived, now);
            long span = now.Nanoseconds - _statsFrom.Nanoseconds;
            return span > 0 ? area / span : double.NaN;
        }
    }

    private double TimeHereSinceStatsStart(Instant arrived, Instant now) =>
        now.Nanoseconds - Math.Max(arrived.Nanoseconds, _statsFrom.Nanoseconds);

    /// <summary>A customer arrives needing <paramref name="serviceTime"/>; false if the station is full (blocked, lost).</summary>
    public bool Arrive(long customer, Duration serviceTime)
    {
        Arrivals++;
        if (_capacity != Unbounded && InSystem >= _capacity)
        {
            Blocked++;
            return false;
        }
        var now = _simulation.Now;
        if (_freeCount > 0)
            StartService(customer, now, now, serviceTime);
        else
            EnqueueWaiting(new Waiting(customer, now, serviceTime));
        return true;
    }

    public void ResetStatistics()
    {
        Arrivals = 0;
        Blocked = 0;
        Completed = 0;
        _departedArea = 0;
        _statsFrom = _simulation.Now;
    }

    void IEventHandler.Handle(Simulation simulation, int kind, long arg)
    {
        int server = (int)arg;
        var done = _servers[server];
        _servers[server] = default;
        _freeServers[_freeCount++] = server;
        _departedArea += TimeHereSinceStatsStart(done.Arrived, simulation.Now);
        Completed++;
        if (_queued > 0)
        {
            var next = _queue[_head];
            _queue[_head] = default;
            _head = (_head + 1) & (_queue.Length - 1);
            _queued--;
            StartService(next.Customer, next.Arrived, simulation.Now, next.ServiceTime);
        }
        _listener.OnDeparture(this, done.Customer, done.Arrived, done.Started);
    }

    private void StartService(long customer, Instant arrived, Instant now, Duration serviceTime)
    {
        int server = _freeServers[--_freeCount];
        _servers[server] = new InService(customer, arrived, now, Busy: true);
        _simulation.Schedule(now + serviceTime, _id, 0, server);
    }

    private void EnqueueWaiting(in Waiting w)
    {
        if (_queued == _queue.Length) Grow();
        _queue[(_head + _queued) & (_queue.Length - 1)] = w;
        _queued++;
    }

    private void Grow()
    {
        var bigger = new Waiting[_queue.Length * 2];
        for (int i = 0; i < _queued; i++) bigger[i] = _queue[(_head + i) & (_queue.Length - 1)];
        _queue = bigger;
        _head = 0;
    }

    private readonly record struct Waiting(long Customer, Instant Arrived, Duration ServiceTime);
    private readonly record struct InService(long Customer, Instant Arrived, Instant Started, bool Busy);
}

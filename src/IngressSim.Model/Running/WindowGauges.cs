using IngressSim.Engine.Events;
using IngressSim.Engine.Time;
using IngressSim.Model.ControlPlane;
using IngressSim.Model.Metrics;
using IngressSim.Model.Pipeline;

namespace IngressSim.Model.Running;

/// <summary>
/// At the end of every reporting window, reads the levels a dashboard would show — open client
/// connections, ready pods, pod and controller CPU utilisation, nginx memory — into the recorder's gauges, and
/// closes idle connections that have expired meanwhile (so the open count is what servers hold).
/// </summary>
public sealed class WindowGauges : IEventHandler
{
    private readonly Simulation _simulation;
    private readonly HandlerId _id;
    private readonly Cluster _cluster;
    private readonly RequestPath _path;
    private readonly ReplicaMemory _memory;
    private readonly MetricsRecorder _metrics;
    private readonly Duration _window;
    private readonly Instant _end;
    private readonly double[] _podCpuAtLastTick;
    private double _controllerCpuAtLastTick;

    public WindowGauges(Simulation simulation, Cluster cluster, RequestPath path, ReplicaMemory memory, MetricsRecorder metrics, Duration window, Instant end)
    {
        _simulation = simulation;
        _id = simulation.Register(this);
        _cluster = cluster;
        _path = path;
        _memory = memory;
        _metrics = metrics;
        _window = window;
        _end = end;
        _podCpuAtLastTick = new double[cluster.Services.Count];
    }

    public void Start() => ScheduleForWindowFrom(Instant.Zero);

    /// <summary>One nanosecond before the window ends, so the values land in the window they describe.</summary>
    private void ScheduleForWindowFrom(Instant windowStart)
    {
        var at = Instant.Min(windowStart + _window, _end) - Duration.FromNanoseconds(1);
        if (at > windowStart || windowStart == Instant.Zero) _simulation.Schedule(at, _id);
    }

    void IEventHandler.Handle(Simulation simulation, int kind, long arg)
    {
        var now = simulation.Now;
        double seconds = Duration.Min(_window, now - Instant.Zero + Duration.FromNanoseconds(1)).TotalSeconds;
        _path.CloseExpiredConnections(now);
        _metrics.SetGauge(now, _metrics.AllSeries, Gauge.ActiveConnections, _path.Connections.OpenCount);
        _memory.SetGauges(now);

        double controllerCpu = 0, workers = 0;
        foreach (var replica in _cluster.Replicas)
        {
            controllerCpu += replica.CpuSeconds;
            if (replica.Alive) workers += replica.Cpu.Servers;
        }
        _metrics.SetGauge(now, _metrics.AllSeries, Gauge.ControllerCpuUtilisation,
            workers > 0 ? (controllerCpu - _controllerCpuAtLastTick) / (workers * seconds) : 0);
        _controllerCpuAtLastTick = controllerCpu;

        foreach (var service in _cluster.Services)
        {
            double cpu = service.CpuSeconds;
            int ready = service.ReadyEndpointIds.Length;
            // HPA utilisation is CPU used over CPU requested; without a request, over one core per pod.
            double capacity = ready * (service.CpuRequestCores > 0 ? service.CpuRequestCores : 1) * seconds;
            _metrics.SetGauge(now, service.Id, Gauge.ReadyPods, ready);
            _metrics.SetGauge(now, service.Id, Gauge.PodCpuUtilisation, capacity > 0 ? (cpu - _podCpuAtLastTick[service.Id]) / capacity : 0);
            _podCpuAtLastTick[service.Id] = cpu;
        }
        ScheduleForWindowFrom(now + Duration.FromNanoseconds(1));
    }
}

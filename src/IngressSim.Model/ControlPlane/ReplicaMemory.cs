using IngressSim.Engine.Events;
using IngressSim.Engine.Time;
using IngressSim.Model.Controllers;
using IngressSim.Model.Controllers.Nginx;
using IngressSim.Model.Metrics;
using IngressSim.Model.Pipeline;
using IngressSim.Scenarios.Cluster;
using IngressSim.Scenarios.Units;

namespace IngressSim.Model.ControlPlane;

/// <summary>
/// Follows the nginx memory of every replica (<see cref="NginxMemory"/>): read when a reload starts new
/// workers — the only moment it grows — and at every window end. Over the container's memory limit the
/// kubelet OOM-kills the replica, which then dies and restarts as a crashed one does — after the kubelet's
/// growing back-off when it keeps being killed (<see cref="CrashLoopBackOff"/>).
/// </summary>
public sealed class ReplicaMemory
{
    private readonly Simulation _simulation;
    private readonly Cluster _cluster;
    private readonly RequestPath _path;
    private readonly ReplicaCrashes _crashes;
    private readonly MetricsRecorder _metrics;
    private readonly NginxMemory?[] _memory; // per replica; null for Envoy, which has no worker generations
    private readonly CrashLoopBackOff[] _backOff; // per replica

    public ReplicaMemory(Simulation simulation, Cluster cluster, RequestPath path, ReplicaCrashes crashes, MetricsRecorder metrics)
    {
        _simulation = simulation;
        _cluster = cluster;
        _path = path;
        _crashes = crashes;
        _metrics = metrics;
        _memory = cluster.Replicas
            .Select(r => r.Controller.Spec.Kind == ControllerKind.Nginx ? NginxMemory.Of(r.Controller) : (NginxMemory?)null).ToArray();
        _backOff = cluster.Replicas.Select(_ => new CrashLoopBackOff()).ToArray();
    }

    /// <summary>A reload's new workers took over: the old generations still holding connections stay beside them.</summary>
    public void OnWorkersStarted(ControllerReplica replica)
    {
        if (_memory[replica.Id] is not { } memory) return;
        var now = _simulation.Now;
        int generations = _path.LiveWorkerGenerations(replica);
        long bytes = memory.Bytes(generations);
        _metrics.RecordNginxMemory(now, bytes, generations);
        var limit = replica.Controller.Spec.MemoryLimit;
        if (!memory.Exceeds(generations, limit)) return;
        _metrics.RecordOomKill(now);
        _crashes.Crash(replica, _backOff[replica.Id].Next(now), "OOMKilled",
            $"nginx {new ByteSize(bytes)} in {generations} worker generations, over its {limit} limit");
    }

    /// <summary>At a window's end: the busiest nginx replica's worker generations, memory and processes, as gauges and peaks.</summary>
    public void SetGauges(Instant now)
    {
        int generations = 0, processes = 0;
        long bytes = 0;
        bool any = false;
        foreach (var replica in _cluster.Replicas)
        {
            if (_memory[replica.Id] is not { } memory) continue;
            any = true;
            int live = _path.LiveWorkerGenerations(replica);
            generations = Math.Max(generations, live);
            bytes = Math.Max(bytes, memory.Bytes(live));
            processes = Math.Max(processes, memory.Processes(live));
        }
        if (!any) return; // Envoy only: no nginx gauges
        _metrics.SetGauge(now, _metrics.AllSeries, Gauge.WorkerGenerations, generations);
        _metrics.SetGauge(now, _metrics.AllSeries, Gauge.NginxResidentMemory, bytes);
        _metrics.SetGauge(now, _metrics.AllSeries, Gauge.NginxProcesses, processes);
        _metrics.RecordNginxMemory(now, bytes, generations);
    }
}

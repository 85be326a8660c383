using IngressSim.Engine.Events;
using IngressSim.Engine.Time;
using IngressSim.Model.Controllers;
using IngressSim.Model.Metrics;
using IngressSim.Model.Pipeline;

namespace IngressSim.Model.ControlPlane;

/// <summary>
/// A controller replica's container dies — a crash on the timeline, a lost node, an OOM kill — and the
/// kubelet restarts it: one path for all three, so each looks the same to clients, the LB and the metrics.
/// </summary>
public sealed class ReplicaCrashes : IEventHandler
{
    private readonly Simulation _simulation;
    private readonly HandlerId _id;
    private readonly Cluster _cluster;
    private readonly RequestPath _path;
    private readonly MetricsRecorder _metrics;

    public ReplicaCrashes(Simulation simulation, Cluster cluster, RequestPath path, MetricsRecorder metrics)
    {
        _simulation = simulation;
        _id = simulation.Register(this);
        _cluster = cluster;
        _path = path;
        _metrics = metrics;
    }

    void IEventHandler.Handle(Simulation simulation, int kind, long arg) => Restart(_cluster.Replicas[(int)arg]);

    /// <summary>
    /// The replica dies: its connections are gone (clients see resets), its CPU queue is lost, and the
    /// LB keeps sending it new connections until its health check notices (MODEL_FACTS §7). The event is
    /// recorded as <paramref name="kind"/> ("crash", "OOMKilled") with <paramref name="cause"/> in front of its detail.
    /// </summary>
    public void Crash(ControllerReplica replica, Duration? restartAfter, string kind = "crash", string? cause = null)
    {
        if (!replica.Alive) return;
        replica.Alive = false;
        _path.CutWebSockets(replica);
        string restart = restartAfter is { } r ? $"restarts after {r}" : "stays down";
        _metrics.RecordEvent(_simulation.Now, kind, replica.Name, cause is null ? restart : $"{cause}; {restart}");
        if (restartAfter is { } after) _simulation.ScheduleAfter(after, _id, 0, replica.Id);
    }

    /// <summary>The restarted container starts empty: a new incarnation with cold caches and pools.</summary>
    private void Restart(ControllerReplica replica)
    {
        replica.Alive = true;
        replica.Incarnation++;
        replica.TlsSessions.Clear();
        replica.UpstreamPool.Clear();
        replica.RateLimits?.Clear();
        replica.ResetBalancers();
        _metrics.RecordEvent(_simulation.Now, "restart", replica.Name, $"incarnation {replica.Incarnation}");
    }
}

using IngressSim.Engine.Time;
using IngressSim.Scenarios.Timeline;

namespace IngressSim.Model.ControlPlane;

/// <summary>
/// The kubelet's restart back-off for a container that keeps dying (CrashLoopBackOff): the delay doubles
/// with each restart up to 5 minutes and is forgotten once the container has run 10 minutes without
/// dying (kubernetes.io, concepts/workloads/pods/pod-lifecycle, "Container restarts"). The first delay is
/// the crash path's restart time (<see cref="CrashControllerAction.DefaultRestartAfter"/>, 10 s: the
/// kubelet's initial back-off and the container's start).
/// </summary>
public sealed class CrashLoopBackOff
{
    public static readonly Duration Max = Duration.FromMinutes(5);
    public static readonly Duration ResetAfter = Duration.FromMinutes(10);

    private Duration _next = CrashControllerAction.DefaultRestartAfter;
    private Instant? _restartedAt;

    /// <summary>The container died at <paramref name="diedAt"/>: how long until the kubelet restarts it.</summary>
    public Duration Next(Instant diedAt)
    {
        if (_restartedAt is { } restarted && diedAt - restarted >= ResetAfter) _next = CrashControllerAction.DefaultRestartAfter;
        var delay = _next;
        _next = Duration.Min(_next * 2, Max);
        _restartedAt = diedAt + delay;
        return delay;
    }
}

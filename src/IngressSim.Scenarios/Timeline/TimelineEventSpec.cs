using IngressSim.Engine.Time;
using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Traffic;
using IngressSim.Scenarios.Units;

namespace IngressSim.Scenarios.Timeline;

/// <summary>At simulated time <c>at</c>, exactly one action happens (<c>- at: 10m\n  deploy: {service: svc-7}</c>).</summary>
[OneOf]
public sealed record TimelineEventSpec
{
    public required Duration At { get; init; }

    public DeployAction? Deploy { get; init; }
    public DeployStreamAction? Deploys { get; init; }
    public TouchIngressAction? TouchIngress { get; init; }
    public RenewCertificateAction? RenewCertificate { get; init; }
    public ScaleAction? Scale { get; init; }
    public CrashControllerAction? CrashController { get; init; }
    public CrashPodAction? CrashPod { get; init; }
    public LoseNodeAction? LoseNode { get; init; }
    public TrafficChangeAction? Traffic { get; init; }
}

/// <summary>A rolling update of one Service's Deployment (maxSurge/maxUnavailable from its manifest).</summary>
public sealed record DeployAction
{
    /// <summary>Service (and Deployment) name, <c>name</c> or <c>namespace/name</c>.</summary>
    public required string Service { get; init; }

    /// <summary>Whether the deploy also changes its Ingress (annotation/label → an nginx reload).</summary>
    public bool TouchIngress { get; init; }
}

/// <summary>
/// Deploys arriving as a Poisson stream with a time-varying rate (e.g. a ramp from 50/day to 500/day),
/// each a rolling update of a service picked uniformly from the fleet, from <c>at</c> until <c>until</c>.
/// </summary>
public sealed record DeployStreamAction
{
    public required RateProfileSpec Rate { get; init; }

    /// <summary>Fleet whose services are deployed; absent = every Service with a Deployment.</summary>
    public string? Fleet { get; init; }

    public bool TouchIngress { get; init; }

    /// <summary>Absent: until the end of the simulation.</summary>
    public Duration? Until { get; init; }
}

/// <summary>A change to an Ingress that is not an endpoint change (e.g. an annotation): nginx reloads, Envoy sends RDS.</summary>
public sealed record TouchIngressAction
{
    /// <summary><c>name</c> or <c>namespace/name</c>.</summary>
    public required string Ingress { get; init; }
}

/// <summary>
/// The TLS Secret an Ingress references gets a renewed certificate (as cert-manager does before expiry):
/// nginx swaps it without a reload; Envoy (Contour) replaces the host's filter chain, which drains.
/// </summary>
public sealed record RenewCertificateAction
{
    /// <summary><c>name</c> or <c>namespace/name</c>.</summary>
    public required string Ingress { get; init; }
}

public sealed record ScaleAction
{
    /// <summary><c>name</c> or <c>namespace/name</c>.</summary>
    public required string Deployment { get; init; }

    [Limits("0", "10000")] public required int Replicas { get; init; }
}

/// <summary>A controller replica dies; the LB keeps sending it connections until its health check notices.</summary>
public sealed record CrashControllerAction
{
    public required string Controller { get; init; }

    /// <summary>Replica index, 0-based.</summary>
    [Limits("0", "999")] public int Replica { get; init; }

    /// <summary>Time until a crashed (or OOM-killed) controller container is restarted and ready again. Input.</summary>
    public static readonly Duration DefaultRestartAfter = Duration.FromSeconds(10);

    /// <summary>Time until the container is restarted and ready again; absent = stays down. Input.</summary>
    [Limits("0s", "1d")] public Duration? RestartAfter { get; init; } = DefaultRestartAfter;
}

public sealed record CrashPodAction
{
    public required string Service { get; init; }
    [Limits("1", "10000")] public int Count { get; init; } = 1;
}

/// <summary>A node disappears with its pods and controller replicas.</summary>
public sealed record LoseNodeAction
{
    /// <summary>Node index, 0-based.</summary>
    [Limits("0", "4999")] public required int Node { get; init; }

    /// <summary>Absent: never comes back.</summary>
    [Limits("0s", "1d")] public Duration? RecoverAfter { get; init; }
}

/// <summary>A traffic source switches to a new rate profile (e.g. the Black Friday surge).</summary>
public sealed record TrafficChangeAction
{
    public required string Source { get; init; }
    public required RateProfileSpec Rate { get; init; }

    /// <summary>From now on, demand also moves between the source's targets (see the source's <c>shift</c>).</summary>
    public Traffic.DemandShiftSpec? Shift { get; init; }
}

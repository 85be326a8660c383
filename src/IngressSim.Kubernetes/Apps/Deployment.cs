using IngressSim.Kubernetes.Meta;

namespace IngressSim.Kubernetes.Apps;

/// <summary>apps/v1 Deployment: replica count, pod template and rollout strategy.</summary>
public sealed record Deployment : KubernetesObject
{
    public DeploymentSpec Spec { get; init; } = new();
}

public sealed record DeploymentSpec
{
    /// <summary>Null when omitted; Kubernetes then defaults it to 1.</summary>
    public int? Replicas { get; init; }

    public LabelSelector Selector { get; init; } = new();
    public PodTemplateSpec Template { get; init; } = new();
    public DeploymentStrategy Strategy { get; init; } = new();

    /// <summary>Seconds a new pod must be ready before it counts as available (default 0).</summary>
    public int MinReadySeconds { get; init; }
}

public sealed record DeploymentStrategy
{
    /// <summary>RollingUpdate (default) or Recreate.</summary>
    public string Type { get; init; } = "RollingUpdate";

    public RollingUpdateDeployment? RollingUpdate { get; init; }
}

/// <summary>Rollout bounds; both default to 25% (apps/v1 API reference).</summary>
public sealed record RollingUpdateDeployment
{
    public IntOrString? MaxSurge { get; init; }
    public IntOrString? MaxUnavailable { get; init; }
}

public sealed record PodTemplateSpec
{
    public ObjectMeta Metadata { get; init; } = new();
    public PodSpec Spec { get; init; } = new();
}

public sealed record PodSpec
{
    public IReadOnlyList<Container> Containers { get; init; } = [];

    /// <summary>Null when omitted; Kubernetes then defaults it to 30 s (MODEL_FACTS §6).</summary>
    public int? TerminationGracePeriodSeconds { get; init; }

    /// <summary>Kept as a presence check: lint warns about replicas without pod anti-affinity.</summary>
    public Affinity? Affinity { get; init; }
}

public sealed record Affinity
{
    public PodAntiAffinity? PodAntiAffinity { get; init; }
}

/// <summary>Only whether rules exist matters to the simulator; their terms are not modelled.</summary>
public sealed record PodAntiAffinity
{
    public IReadOnlyList<IReadOnlyDictionary<string, object>> RequiredDuringSchedulingIgnoredDuringExecution { get; init; } = [];
    public IReadOnlyList<IReadOnlyDictionary<string, object>> PreferredDuringSchedulingIgnoredDuringExecution { get; init; } = [];
}

public sealed record Container
{
    public string Name { get; init; } = "";
    public ResourceRequirements Resources { get; init; } = new();
    public Probe? ReadinessProbe { get; init; }
    public Probe? LivenessProbe { get; init; }
    public Lifecycle? Lifecycle { get; init; }
}

/// <summary>Container lifecycle hooks; only preStop's <c>sleep</c> action (KEP-3960) changes what traffic sees.</summary>
public sealed record Lifecycle
{
    public LifecycleHandler? PreStop { get; init; }
}

public sealed record LifecycleHandler
{
    public SleepAction? Sleep { get; init; }
}

public sealed record SleepAction
{
    public long Seconds { get; init; }
}

/// <summary>Quantities stay strings ("500m", "1"); <see cref="CpuQuantity"/> turns CPU into millicores.</summary>
public sealed record ResourceRequirements
{
    public IReadOnlyDictionary<string, string> Requests { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Limits { get; init; } = new Dictionary<string, string>();
}

/// <summary>Probe timing. Nulls take the Kubernetes defaults (MODEL_FACTS §6: period 10 s, timeout 1 s, failure 3).</summary>
public sealed record Probe
{
    public int? InitialDelaySeconds { get; init; }
    public int? PeriodSeconds { get; init; }
    public int? TimeoutSeconds { get; init; }
    public int? SuccessThreshold { get; init; }
    public int? FailureThreshold { get; init; }
}

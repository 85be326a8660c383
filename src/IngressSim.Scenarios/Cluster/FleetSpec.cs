using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Units;

namespace IngressSim.Scenarios.Cluster;

/// <summary>
/// <c>count</c> similar microservices from one template, each a Deployment, a Service, an Ingress
/// and (with <c>hpa</c>) a HorizontalPodAutoscaler — the war story's 200 services without 200
/// manifests. <c>{i}</c> in <c>name</c> and <c>host</c> is the service number (1..count); <c>{name}</c>
/// in <c>host</c> is the generated name.
/// </summary>
public sealed record FleetSpec : IValidatable
{
    /// <summary>Fleet name (timeline and traffic refer to it).</summary>
    public required string Name { get; init; }

    [Limits("1", "10000")] public required int Count { get; init; }

    /// <summary>Name pattern of each service, e.g. <c>svc-{i}</c>.</summary>
    public required string ServiceName { get; init; }

    public string Namespace { get; init; } = "default";

    /// <summary>Host pattern of each Ingress rule, e.g. <c>{name}.shop.example</c>.</summary>
    public required string Host { get; init; }

    public string Path { get; init; } = "/";

    /// <summary>The IngressClass of the generated Ingresses; absent = none set (the default class serves them).</summary>
    public string? IngressClass { get; init; }

    [Limits("0", "10000")] public int Replicas { get; init; } = 2;

    /// <summary>CPU request per pod (the HPA's utilisation denominator).</summary>
    [Limits("1m", "256")] public CpuQuantity CpuRequest { get; init; } = new(250);

    [Limits("1", "65535")] public int Port { get; init; } = 80;
    [Limits("1", "65535")] public int TargetPort { get; init; } = 8080;

    /// <summary>Absent: no autoscaler for these services.</summary>
    public FleetAutoscalerSpec? Hpa { get; init; }

    public WorkloadSpec Workload { get; init; } = new();

    public const string IndexToken = "{i}";
    public const string NameToken = "{name}";

    public string ServiceNameOf(int index) => ServiceName.Replace(IndexToken, index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public string HostOf(int index) =>
        Host.Replace(NameToken, ServiceNameOf(index)).Replace(IndexToken, index.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Validate(ValidationContext context)
    {
        if (Count > 1 && !ServiceName.Contains(IndexToken, StringComparison.Ordinal))
            context.Error("serviceName", $"fleet '{Name}' makes {Count} services but serviceName '{ServiceName}' has no {IndexToken}, so they would share one name",
                $"write e.g. serviceName: {ServiceName}-{IndexToken}");
        if (Count > 1 && !Host.Contains(IndexToken, StringComparison.Ordinal) && !Host.Contains(NameToken, StringComparison.Ordinal)
            && Path == "/")
            context.Error("host", $"fleet '{Name}': every service gets host '{Host}' and path '/', so all but the oldest Ingress conflict",
                $"write e.g. host: {NameToken}.example.com");
        if (Hpa is { } hpa && hpa.MinReplicas > hpa.MaxReplicas)
            context.Error("hpa", $"hpa.minReplicas ({hpa.MinReplicas}) is above maxReplicas ({hpa.MaxReplicas})", "swap them");
    }
}

/// <summary>An autoscaling/v2 HPA on CPU utilisation for each fleet service (behaviour from cluster.autoscaling).</summary>
public sealed record FleetAutoscalerSpec
{
    [Limits("1", "10000")] public int MinReplicas { get; init; } = 2;
    [Limits("1", "10000")] public required int MaxReplicas { get; init; }
    [Limits("1%", "1000%")] public Percentage TargetCpuUtilization { get; init; } = Percentage.FromPercent(70);
}

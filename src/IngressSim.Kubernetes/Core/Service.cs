using IngressSim.Kubernetes.Meta;

namespace IngressSim.Kubernetes.Core;

/// <summary>v1 Service: how the controller and kube-proxy reach a set of pods.</summary>
public sealed record Service : KubernetesObject
{
    public ServiceSpec Spec { get; init; } = new();

    /// <summary>The port with this number, or null.</summary>
    public ServicePort? PortByNumber(int port)
    {
        foreach (var p in Spec.Ports) if (p.Port == port) return p;
        return null;
    }

    /// <summary>The port with this name, or null (port names are case-sensitive DNS labels).</summary>
    public ServicePort? PortByName(string name)
    {
        foreach (var p in Spec.Ports) if (p.Name == name) return p;
        return null;
    }
}

public sealed record ServiceSpec
{
    /// <summary>ClusterIP (default), NodePort, LoadBalancer or ExternalName.</summary>
    public string Type { get; init; } = "ClusterIP";

    /// <summary>"None" makes the Service headless: no virtual IP, no kube-proxy load balancing.</summary>
    public string? ClusterIP { get; init; }

    public IReadOnlyList<ServicePort> Ports { get; init; } = [];
    public IReadOnlyDictionary<string, string> Selector { get; init; } = new Dictionary<string, string>();

    /// <summary>None (default) or ClientIP.</summary>
    public string SessionAffinity { get; init; } = "None";

    public SessionAffinityConfig? SessionAffinityConfig { get; init; }

    public bool IsHeadless => string.Equals(ClusterIP, "None", StringComparison.Ordinal);
}

public sealed record ServicePort
{
    public string? Name { get; init; }
    public int Port { get; init; }
    public IntOrString? TargetPort { get; init; }
    public string Protocol { get; init; } = "TCP";
}

public sealed record SessionAffinityConfig
{
    public ClientIPConfig? ClientIP { get; init; }
}

public sealed record ClientIPConfig
{
    /// <summary>Seconds; Kubernetes defaults it to 10800 (MODEL_FACTS §4).</summary>
    public int? TimeoutSeconds { get; init; }
}

namespace IngressSim.Kubernetes.Networking;

/// <summary>networking.k8s.io/v1 Ingress.</summary>
public sealed record Ingress : KubernetesObject
{
    /// <summary>The pre-IngressClass way to pick a controller, still honoured by ingress-nginx.</summary>
    public const string LegacyClassAnnotation = "kubernetes.io/ingress.class";

    public IngressSpec Spec { get; init; } = new();
}

public sealed record IngressSpec
{
    public string? IngressClassName { get; init; }
    public IngressBackend? DefaultBackend { get; init; }
    public IReadOnlyList<IngressTls> Tls { get; init; } = [];
    public IReadOnlyList<IngressRule> Rules { get; init; } = [];
}

public sealed record IngressTls
{
    public IReadOnlyList<string> Hosts { get; init; } = [];
    public string? SecretName { get; init; }
}

/// <summary>One host's rules; an empty host applies to every request host without a rule of its own.</summary>
public sealed record IngressRule
{
    public string? Host { get; init; }
    public HttpIngressRuleValue? Http { get; init; }
}

public sealed record HttpIngressRuleValue
{
    public IReadOnlyList<HttpIngressPath> Paths { get; init; } = [];
}

public sealed record HttpIngressPath
{
    public string? Path { get; init; }

    /// <summary>Required by networking.k8s.io/v1; null only in a malformed manifest (reported by the reader).</summary>
    public PathType? PathType { get; init; }

    public IngressBackend? Backend { get; init; }
}

/// <summary>WEB concepts/services-networking/ingress.md "Path types".</summary>
public enum PathType
{
    Exact,
    Prefix,
    ImplementationSpecific,
}

public sealed record IngressBackend
{
    public IngressServiceBackend? Service { get; init; }

    /// <summary>A non-Service backend (e.g. a storage bucket CRD); the simulator cannot route to it.</summary>
    public TypedLocalObjectReference? Resource { get; init; }
}

public sealed record IngressServiceBackend
{
    public string Name { get; init; } = "";
    public ServiceBackendPort Port { get; init; } = new();
}

/// <summary>Exactly one of number or name.</summary>
public sealed record ServiceBackendPort
{
    public int? Number { get; init; }
    public string? Name { get; init; }

    public override string ToString() => Number?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? Name ?? "";
}

public sealed record TypedLocalObjectReference
{
    public string? ApiGroup { get; init; }
    public string Kind { get; init; } = "";
    public string Name { get; init; } = "";
}

namespace IngressSim.Kubernetes.Gateway;

/// <summary>gateway.networking.k8s.io/v1 Gateway: the listeners HTTPRoutes attach to.</summary>
public sealed record Gateway : KubernetesObject
{
    public GatewaySpec Spec { get; init; } = new();
}

public sealed record GatewaySpec
{
    public string GatewayClassName { get; init; } = "";
    public IReadOnlyList<Listener> Listeners { get; init; } = [];
}

public sealed record Listener
{
    public string Name { get; init; } = "";

    /// <summary>Null = every host. <c>*.example.com</c> matches one or more labels (GW GEP-1864 / Hostname docs).</summary>
    public string? Hostname { get; init; }

    public int Port { get; init; }

    /// <summary>HTTP, HTTPS, TLS, TCP or UDP; HTTPRoutes attach only to HTTP and HTTPS.</summary>
    public string Protocol { get; init; } = "";

    public AllowedRoutes? AllowedRoutes { get; init; }
}

public sealed record AllowedRoutes
{
    public RouteNamespaces? Namespaces { get; init; }
}

public sealed record RouteNamespaces
{
    /// <summary>Same (default), All or Selector.</summary>
    public string From { get; init; } = "Same";
}

namespace IngressSim.Kubernetes.Gateway;

/// <summary>gateway.networking.k8s.io/v1 HTTPRoute (GW apis/v1/httproute_types.go).</summary>
public sealed record HttpRoute : KubernetesObject
{
    public HttpRouteSpec Spec { get; init; } = new();
}

public sealed record HttpRouteSpec
{
    public IReadOnlyList<ParentReference> ParentRefs { get; init; } = [];
    public IReadOnlyList<string> Hostnames { get; init; } = [];
    public IReadOnlyList<HttpRouteRule> Rules { get; init; } = [];
}

public sealed record ParentReference
{
    public string? Group { get; init; }
    public string? Kind { get; init; }

    /// <summary>Null = the route's own namespace.</summary>
    public string? Namespace { get; init; }

    public string Name { get; init; } = "";

    /// <summary>A listener name; null = every listener of the Gateway.</summary>
    public string? SectionName { get; init; }

    public int? Port { get; init; }
}

public sealed record HttpRouteRule
{
    /// <summary>Empty = one match of PathPrefix "/" (GW spec default).</summary>
    public IReadOnlyList<HttpRouteMatch> Matches { get; init; } = [];

    public IReadOnlyList<HttpBackendRef> BackendRefs { get; init; } = [];
}

/// <summary>All conditions of one match must hold (AND); the matches of a rule are ORed.</summary>
public sealed record HttpRouteMatch
{
    public HttpPathMatch? Path { get; init; }
    public IReadOnlyList<HttpHeaderMatch> Headers { get; init; } = [];
    public IReadOnlyList<HttpQueryParamMatch> QueryParams { get; init; } = [];
    public string? Method { get; init; }
}

public sealed record HttpPathMatch
{
    /// <summary>Exact, PathPrefix (default) or RegularExpression.</summary>
    public string Type { get; init; } = "PathPrefix";
    public string Value { get; init; } = "/";
}

/// <summary>Header names are case-insensitive, values case-sensitive.</summary>
public sealed record HttpHeaderMatch
{
    /// <summary>Exact (default) or RegularExpression.</summary>
    public string Type { get; init; } = "Exact";
    public string Name { get; init; } = "";
    public string Value { get; init; } = "";
}

/// <summary>Query parameter names and values are case-sensitive.</summary>
public sealed record HttpQueryParamMatch
{
    public string Type { get; init; } = "Exact";
    public string Name { get; init; } = "";
    public string Value { get; init; } = "";
}

public sealed record HttpBackendRef
{
    public string? Group { get; init; }

    /// <summary>Null = Service.</summary>
    public string? Kind { get; init; }

    public string Name { get; init; } = "";
    public string? Namespace { get; init; }
    public int? Port { get; init; }

    /// <summary>Relative share of the rule's traffic; default 1, 0 = none.</summary>
    public int? Weight { get; init; }
}

namespace IngressSim.Routing;

/// <summary>Codes of the problems found while compiling routes (the configuration still compiles).</summary>
public static class RoutingDiagnosticCodes
{
    /// <summary>A regex path, header pattern or match the controller would reject; the route is dropped.</summary>
    public const string InvalidRegex = "RTE001";

    /// <summary>An annotation value the controller would reject (e.g. <c>canary-weight: abc</c>).</summary>
    public const string InvalidAnnotation = "RTE002";

    /// <summary>The selected Gateway is not among the manifests.</summary>
    public const string GatewayNotFound = "RTE003";

    /// <summary>A canary Ingress whose host/path has no mainline Ingress: ingress-nginx ignores it.</summary>
    public const string CanaryWithoutMainline = "RTE004";

    /// <summary>An HTTPRoute that attaches to no listener of the selected Gateway (GW: not Accepted).</summary>
    public const string RouteNotAttached = "RTE005";
}

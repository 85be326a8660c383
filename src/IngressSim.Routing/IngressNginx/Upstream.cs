using IngressSim.Engine.Randomness;

namespace IngressSim.Routing.IngressNginx;

/// <summary>
/// An nginx upstream: one Service port. Canaries attach here, not to a location — ingress-nginx merges a
/// canary into the primary upstream's alternative backends (ING controller.go mergeAlternativeBackends),
/// so every location proxying to that Service port gets the canary.
/// </summary>
internal sealed class Upstream(BackendTarget target, bool exists)
{
    public BackendTarget Target { get; } = target;

    /// <summary>False when the Service or its port is missing: nginx has no endpoints and answers 503.</summary>
    public bool Exists { get; } = exists;

    public Canary? Canary { get; private set; }

    /// <summary>Only the first alternative backend is consulted (balancer.lua alternative_backends[1]).</summary>
    public void AttachCanary(Canary canary)
    {
        if (Canary is null && !ReferenceEquals(canary.Upstream, this)) Canary = canary;
    }

    public RouteResult Result(RouteOrigin origin, bool canary) => new(Exists ? null : 503, Target, origin, canary);
}

/// <summary>A canary Ingress's upstream and policy, attached to a primary upstream.</summary>
internal sealed record Canary(Upstream Upstream, CanaryPolicy Policy);

/// <summary>An nginx location: where requests go and which Ingress path declared it.</summary>
internal sealed class NginxLocation(Upstream? upstream, RouteOrigin origin)
{
    /// <summary>Null for a path whose backend is not a Service: ingress-nginx uses its default backend (404).</summary>
    public Upstream? Upstream { get; } = upstream;

    public RouteOrigin Origin { get; } = origin;

    public RouteResult Route(in RouteRequest request, RandomStream random)
    {
        if (Upstream is null) return RouteResult.NotFound;
        if (Upstream.Canary is { } canary && canary.Policy.ChoosesCanary(request, random))
            return canary.Upstream.Result(Origin, canary: true);
        return Upstream.Result(Origin, canary: false);
    }
}

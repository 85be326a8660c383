using IngressSim.Routing;

namespace IngressSim.Model.Pipeline;

/// <summary>
/// One (host, request kind) a traffic source sends: the request as the router sees it, built once
/// and reused for every request (a field, so it is passed to the router by reference); the
/// controller whose load balancer the host resolves to; and the metrics series it counts under
/// until routed (its usual backend).
/// </summary>
public sealed class TrafficTarget(RouteRequest request, int controller, double weight, int series)
{
    public readonly RouteRequest Request = request;
    public int Controller { get; } = controller;
    public double Weight { get; } = weight;
    public int Series { get; } = series;
}

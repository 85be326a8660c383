namespace IngressSim.Routing;

/// <summary>
/// The router's decision. <see cref="Status"/> null = proxied to <see cref="Backend"/>; otherwise the
/// status the controller answers itself: 404 no route, 500 invalid Gateway backend, 503 no such Service or
/// port (ingress-nginx: an upstream without endpoints). <see cref="Backend"/> is also set on 503/500 when
/// a route chose it, so the simulator can tell which route failed.
/// </summary>
public readonly record struct RouteResult(int? Status, BackendTarget? Backend, RouteOrigin? Origin, bool Canary)
{
    public static readonly RouteResult NotFound = new(404, null, null, false);

    public bool IsProxied => Status is null;

    public override string ToString() => Status is int s ? $"status {s}" : $"{Backend}{(Canary ? " (canary)" : "")}";
}

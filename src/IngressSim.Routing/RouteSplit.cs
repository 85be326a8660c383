using IngressSim.Engine.Randomness;

namespace IngressSim.Routing;

/// <summary>How often each outcome was chosen when the same request was routed many times.</summary>
/// <param name="Backend">The Service port, or null for a status answered by the controller.</param>
/// <param name="Status">Null when proxied.</param>
public sealed record RouteShare(BackendTarget? Backend, int? Status, int Count, double Fraction)
{
    /// <summary>The Service name (<c>namespace/name</c> outside "default") or <c>status N</c>.</summary>
    public string Label => Status is int s ? $"status {s}" :
        Backend!.Namespace == Kubernetes.Meta.ObjectMeta.DefaultNamespace ? Backend.Service : $"{Backend.Namespace}/{Backend.Service}";
}

/// <summary>Samples a request's routing to measure weighted and canary splits.</summary>
public static class RouteSplit
{
    /// <summary>
    /// Routes <paramref name="request"/> <paramref name="samples"/> times and returns each distinct outcome
    /// with its fraction, most frequent first (ties by label, so the order is deterministic).
    /// </summary>
    public static IReadOnlyList<RouteShare> Sample(Router router, in RouteRequest request, int samples, RandomStream random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        var counts = new Dictionary<(BackendTarget?, int?), int>();
        for (int i = 0; i < samples; i++)
        {
            var result = router.Route(request, random);
            var key = (result.IsProxied ? result.Backend : null, result.Status);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts
            .Select(c => new RouteShare(c.Key.Item1, c.Key.Item2, c.Value, (double)c.Value / samples))
            .OrderByDescending(s => s.Count).ThenBy(s => s.Label, StringComparer.Ordinal)
            .ToList();
    }
}

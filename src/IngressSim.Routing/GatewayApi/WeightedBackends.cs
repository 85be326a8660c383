using IngressSim.Engine.Randomness;

namespace IngressSim.Routing.GatewayApi;

/// <summary>
/// A rule's backendRefs. Each gets weight/total of the traffic (weight default 1); the share of an invalid
/// ref (unknown Service or port, unsupported kind) and a rule with no weight at all answer 500
/// (GW HTTPRouteRule.BackendRefs).
/// </summary>
internal sealed class WeightedBackends
{
    private const int InvalidBackendStatus = 500;

    private readonly (BackendTarget? Target, bool Valid, int Weight)[] _backends;
    private readonly int _totalWeight;

    public WeightedBackends((BackendTarget? Target, bool Valid, int Weight)[] backends)
    {
        _backends = backends;
        foreach (var backend in backends) _totalWeight += backend.Weight;
    }

    public RouteResult Choose(RouteOrigin origin, RandomStream random)
    {
        if (_totalWeight == 0) return new RouteResult(InvalidBackendStatus, null, origin, false);
        // A draw only when there is a choice, so adding weights elsewhere does not shift this stream.
        int remaining = _backends.Length == 1 ? 0 : (int)random.NextBounded((ulong)_totalWeight);
        foreach (var (target, valid, weight) in _backends)
        {
            if (remaining < weight) return new RouteResult(valid ? null : InvalidBackendStatus, target, origin, false);
            remaining -= weight;
        }
        throw new InvalidOperationException("unreachable: the draw is below the total weight");
    }
}

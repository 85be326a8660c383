using IngressSim.Engine.Randomness;

namespace IngressSim.Model.Controllers.Upstreams;

/// <summary>
/// ingress-nginx's default balancer (MODEL_FACTS §2: load-balance round_robin): the endpoints of one
/// backend in turn (lua-resty-balancer roundrobin with equal weights). Each nginx worker has its own
/// instance, and a new or changed endpoint list starts at a random position (roundrobin's random
/// start), so workers do not hit the first pod in step. An unchanged list keeps its position.
/// </summary>
public sealed class RoundRobinBalancer
{
    private int[] _endpoints = [];
    private int _count;
    private int _next;

    public int Count => _count;

    /// <summary>Replaces the endpoint list if it differs (ingress-nginx balancer sync); a change restarts at a random position.</summary>
    public void SetEndpoints(ReadOnlySpan<int> endpoints, RandomStream random)
    {
        if (endpoints.SequenceEqual(_endpoints.AsSpan(0, _count))) return;
        if (_endpoints.Length < endpoints.Length) _endpoints = new int[endpoints.Length];
        endpoints.CopyTo(_endpoints);
        _count = endpoints.Length;
        _next = _count == 0 ? 0 : (int)random.NextBounded((ulong)_count);
    }

    /// <summary>The next endpoint, or −1 when the backend has none.</summary>
    public int Pick()
    {
        if (_count == 0) return -1;
        int endpoint = _endpoints[_next];
        _next = _next + 1 == _count ? 0 : _next + 1;
        return endpoint;
    }
}

using IngressSim.Engine.Randomness;
using IngressSim.Scenarios.Traffic;

namespace IngressSim.Model.Clients;

/// <summary>
/// Weighted choice among a source's requests in O(1) per draw: Vose's alias method (one bounded
/// integer and one uniform per draw; none when there is a single choice).
/// </summary>
public sealed class RequestMix
{
    private readonly double[] _keep;
    private readonly int[] _alias;

    /// <param name="weights">Relative weights, finite, non-negative, not all zero.</param>
    public RequestMix(ReadOnlySpan<double> weights)
    {
        int n = weights.Length;
        double total = 0;
        foreach (var w in weights)
        {
            if (!(w >= 0) || double.IsInfinity(w)) throw new ArgumentOutOfRangeException(nameof(weights), w, "weights are finite and non-negative");
            total += w;
        }
        if (!(total > 0)) throw new ArgumentException("at least one weight must be positive", nameof(weights));

        _keep = new double[n];
        _alias = new int[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        var scaled = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            scaled[i] = weights[i] * n / total;
            (scaled[i] < 1 ? small : large).Push(i);
        }
        while (small.Count > 0 && large.Count > 0)
        {
            int s = small.Pop(), l = large.Pop();
            _keep[s] = scaled[s];
            _alias[s] = l;
            scaled[l] -= 1 - scaled[s];
            (scaled[l] < 1 ? small : large).Push(l);
        }
        // Whatever is left has probability 1 up to rounding.
        while (large.Count > 0) { int l = large.Pop(); _keep[l] = 1; _alias[l] = l; }
        while (small.Count > 0) { int s = small.Pop(); _keep[s] = 1; _alias[s] = s; }
    }

    public static RequestMix From(IReadOnlyList<RequestSpec> requests)
    {
        var weights = new double[requests.Count];
        for (int i = 0; i < weights.Length; i++) weights[i] = requests[i].Weight;
        return new RequestMix(weights);
    }

    public int Count => _keep.Length;

    /// <summary>Index of the chosen request.</summary>
    public int Next(RandomStream random)
    {
        if (_keep.Length == 1) return 0;
        int i = (int)random.NextBounded((ulong)_keep.Length);
        return random.NextDouble() < _keep[i] ? i : _alias[i];
    }
}

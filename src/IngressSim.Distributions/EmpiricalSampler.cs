namespace IngressSim.Distributions;

/// <summary>
/// Resamples measured values (e.g. service times exported from tracing) by inverting their
/// empirical CDF with linear interpolation between order statistics, so draws fill the range of
/// the data instead of repeating only the observed points.
/// </summary>
public sealed class EmpiricalSampler : ISampler
{
    private readonly double[] _sorted;
    private readonly Random _random;

    public EmpiricalSampler(IReadOnlyCollection<double> samples, Random random)
    {
        if (samples.Count == 0) throw new ArgumentException("an empirical distribution needs at least one sample", nameof(samples));
        _sorted = [.. samples];
        Array.Sort(_sorted);
        _random = random;
        Mean = _sorted.Average();
    }

    public double Mean { get; }

    public double Sample()
    {
        if (_sorted.Length == 1) return _sorted[0];
        double position = _random.NextDouble() * (_sorted.Length - 1);
        int i = (int)position;
        if (i >= _sorted.Length - 1) return _sorted[^1];
        double fraction = position - i;
        return _sorted[i] + fraction * (_sorted[i + 1] - _sorted[i]);
    }
}

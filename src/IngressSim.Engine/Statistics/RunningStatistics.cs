namespace IngressSim.Engine.Statistics;

/// <summary>
/// Count, mean and variance of a stream of observations in O(1) memory (Welford's online update:
/// numerically stable where the naive sum of squares cancels catastrophically).
/// </summary>
public struct RunningStatistics
{
    private double _mean, _m2;

    public long Count { get; private set; }
    public double Min { get; private set; }
    public double Max { get; private set; }

    public readonly double Mean => Count > 0 ? _mean : double.NaN;
    public readonly double Variance => Count > 1 ? _m2 / (Count - 1) : double.NaN;
    public readonly double StandardDeviation => Math.Sqrt(Variance);

    public void Add(double x)
    {
        if (Count == 0) { Min = x; Max = x; }
        else { if (x < Min) Min = x; if (x > Max) Max = x; }
        Count++;
        double delta = x - _mean;
        _mean += delta / Count;
        _m2 += delta * (x - _mean);
    }
}

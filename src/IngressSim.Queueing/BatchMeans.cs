using IngressSim.Engine.Statistics;
using MathNet.Numerics.Distributions;

namespace IngressSim.Queueing;

/// <summary>
/// Confidence interval for the mean of a correlated series (successive waits in a queue are not
/// independent): split it into consecutive batches whose means are nearly independent, then use
/// Student's t over the batch means. Memory is one number per batch.
/// </summary>
public sealed class BatchMeans(long observations, int batches)
{
    private readonly long _batchSize = Math.Max(1, observations / batches);
    private RunningStatistics _means;
    private double _currentSum;
    private long _inCurrent, _count;
    private double _sum;

    public void Add(double x)
    {
        _sum += x;
        _count++;
        _currentSum += x;
        if (++_inCurrent == _batchSize)
        {
            _means.Add(_currentSum / _batchSize);
            _currentSum = 0;
            _inCurrent = 0;
        }
    }

    /// <summary>Mean of every observation (including a last, incomplete batch).</summary>
    public double Mean => _count > 0 ? _sum / _count : double.NaN;

    /// <summary>Half-width of the two-sided confidence interval at <paramref name="confidence"/> (default 95 %).</summary>
    public double HalfWidth(double confidence = 0.95)
    {
        if (_means.Count < 2) return double.PositiveInfinity;
        double t = StudentT.InvCDF(0, 1, _means.Count - 1, 1 - (1 - confidence) / 2);
        return t * _means.StandardDeviation / Math.Sqrt(_means.Count);
    }
}

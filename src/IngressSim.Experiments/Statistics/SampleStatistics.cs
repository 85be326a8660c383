using IngressSim.Engine.Statistics;
using MathNet.Numerics.Distributions;

namespace IngressSim.Experiments.Statistics;

/// <summary>
/// Every statistic a comparison reports, in one place (after BenchmarkDotNet's Mathematics/Statistics):
/// the mean of independent replications with a Student-t interval, and the paired difference of two
/// variants run on common random numbers. Undefined observations (NaN) are left out.
/// </summary>
public static class SampleStatistics
{
    public const double ConfidenceLevel = 0.95;

    /// <summary>Mean ± t(n−1, 97.5 %)·s/√n: replications are independent and their means close to normal.</summary>
    public static Estimate Mean(IEnumerable<double> observations)
    {
        var statistics = new RunningStatistics();
        foreach (double x in observations)
            if (!double.IsNaN(x)) statistics.Add(x);
        int n = (int)statistics.Count;
        double halfWidth = n < 2 ? double.NaN : StudentQuantile(n - 1) * statistics.StandardDeviation / Math.Sqrt(n);
        return new Estimate(statistics.Mean, halfWidth, n);
    }

    /// <summary>
    /// The mean of <c>variant[i] − reference[i]</c> with its interval. Replication i of both used the same
    /// random numbers, so the pairs share most of their noise and the difference is known far more
    /// precisely than the two means' separate intervals suggest (a paired t-test). Pairs with an undefined
    /// side are left out; extra observations on either side have no partner and are ignored.
    /// </summary>
    public static Estimate PairedDifference(IReadOnlyList<double> variant, IReadOnlyList<double> reference)
    {
        int pairs = Math.Min(variant.Count, reference.Count);
        return Mean(Enumerable.Range(0, pairs).Select(i => variant[i] - reference[i]));
    }

    private static double StudentQuantile(int degreesOfFreedom) =>
        StudentT.InvCDF(0, 1, degreesOfFreedom, 1 - (1 - ConfidenceLevel) / 2);
}

using IngressSim.Experiments.Statistics;

namespace IngressSim.Experiments.Tests.Statistics;

/// <summary>Intervals against values computed by hand (t quantiles from a t table: t(1)=12.7062, t(2)=4.30265, t(4)=2.77645).</summary>
public sealed class SampleStatisticsTests
{
    private const double Tolerance = 1e-5;

    [Fact]
    public void Mean_OneToFive_IsThreePlusMinusTTimesStandardError()
    {
        var estimate = SampleStatistics.Mean([1, 2, 3, 4, 5]);

        Assert.Equal(5, estimate.Count);
        Assert.Equal(3, estimate.Mean, Tolerance);
        // s = √2.5, s/√5 = 0.707107, t(4, 97.5 %) = 2.776445
        Assert.Equal(1.963243, estimate.HalfWidth, Tolerance);
        Assert.Equal(1.036757, estimate.Lower, Tolerance);
        Assert.Equal(4.963243, estimate.Upper, Tolerance);
        Assert.Equal(1.963243 / 3, estimate.RelativeHalfWidth, Tolerance);
    }

    [Fact]
    public void Mean_LeavesOutUndefinedObservations()
    {
        var estimate = SampleStatistics.Mean([1, double.NaN, 3]);

        Assert.Equal(2, estimate.Count);
        Assert.Equal(2, estimate.Mean, Tolerance);
        // s = √2, s/√2 = 1, t(1, 97.5 %) = 12.706205
        Assert.Equal(12.706205, estimate.HalfWidth, Tolerance);
    }

    [Fact]
    public void Mean_OneObservation_HasNoIntervalAndExcludesNothing()
    {
        var estimate = SampleStatistics.Mean([7]);

        Assert.Equal(7, estimate.Mean);
        Assert.True(double.IsNaN(estimate.HalfWidth));
        Assert.False(estimate.ExcludesZero);
    }

    [Fact]
    public void Mean_NoSpread_IsExact()
    {
        var estimate = SampleStatistics.Mean([0, 0, 0]);

        Assert.Equal(0, estimate.HalfWidth);
        Assert.Equal(0, estimate.RelativeHalfWidth);
        Assert.False(estimate.ExcludesZero);
    }

    [Fact]
    public void PairedDifference_IsTheIntervalOfThePerReplicationDifferences()
    {
        // Differences 1, 2, 3: mean 2, s = 1, t(2, 97.5 %)/√3 = 2.484138 → [−0.48, 4.48] contains 0.
        var difference = SampleStatistics.PairedDifference([10, 12, 14], [9, 10, 11]);

        Assert.Equal(3, difference.Count);
        Assert.Equal(2, difference.Mean, Tolerance);
        Assert.Equal(2.484138, difference.HalfWidth, Tolerance);
        Assert.False(difference.ExcludesZero);
    }

    [Fact]
    public void PairedDifference_SharedNoise_IsSignificantWhereTheSeparateIntervalsOverlap()
    {
        // Common random numbers: both variants swing together by replication; the difference is 1 ± 0.1.
        double[] reference = [100, 120, 140];
        double[] variant = [101, 121.1, 140.9];

        var difference = SampleStatistics.PairedDifference(variant, reference);
        var a = SampleStatistics.Mean(variant);
        var b = SampleStatistics.Mean(reference);

        Assert.Equal(1, difference.Mean, Tolerance);
        Assert.Equal(0.248414, difference.HalfWidth, Tolerance); // s = 0.1, t(2)·0.1/√3
        Assert.True(difference.ExcludesZero);
        Assert.True(a.Lower < b.Upper && b.Lower < a.Upper, "the unpaired intervals overlap");
    }

    [Fact]
    public void PairedDifference_LeavesOutPairsWithAnUndefinedSideAndUnpairedExtras()
    {
        var difference = SampleStatistics.PairedDifference([5, double.NaN, 9, 100], [4, 6, 7]);

        Assert.Equal(2, difference.Count); // 5−4 and 9−7
        Assert.Equal(1.5, difference.Mean, Tolerance);
    }
}

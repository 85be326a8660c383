namespace IngressSim.Experiments.Statistics;

/// <summary>
/// The mean of a sample with the half-width of its two-sided 95 % confidence interval
/// (<see cref="SampleStatistics"/>). The half-width is NaN with fewer than two observations; the mean is
/// NaN with none (e.g. the p99 of a phase that saw no requests).
/// </summary>
public readonly record struct Estimate(double Mean, double HalfWidth, int Count)
{
    /// <summary>No observations: what a statistic without data reports (e.g. a difference against a phase base lacks).</summary>
    public static readonly Estimate Undefined = new(double.NaN, double.NaN, 0);

    public double Lower => Mean - HalfWidth;
    public double Upper => Mean + HalfWidth;

    /// <summary>Half-width as a fraction of |mean|: what <c>--precision 2%</c> bounds. Zero spread is exact, even at a zero mean.</summary>
    public double RelativeHalfWidth => HalfWidth == 0 ? 0 : HalfWidth / Math.Abs(Mean);

    /// <summary>The interval lies wholly on one side of zero: for a difference, the sign is known at 95 % confidence.</summary>
    public bool ExcludesZero => Lower > 0 || Upper < 0;
}

using MathNet.Numerics.Distributions;

namespace IngressSim.Distributions;

/// <summary>
/// Builds samplers from the parameters people know (mean, median and p99) rather than the
/// textbook ones, each drawing from the given stream. Arguments are validated by the scenario
/// loader before they get here; MathNet rejects anything invalid that slips through.
/// </summary>
public static class Samplers
{
    /// <summary>z of the 99th percentile of the standard normal: ties a log-normal's p99 to its median.</summary>
    private const double Z99 = 2.3263478740408408;

    public static ISampler Constant(double value) => new ConstantSampler(value);

    public static ISampler ExponentialWithMean(double mean, Random random) =>
        new ContinuousSampler(new Exponential(1.0 / mean, random));

    public static ISampler LogNormal(double mu, double sigma, Random random) =>
        new ContinuousSampler(new LogNormal(mu, sigma, random));

    /// <summary>Log-normal with the given median and 99th percentile (p99 &gt; median).</summary>
    public static ISampler LogNormalFromMedianP99(double median, double p99, Random random) =>
        LogNormal(Math.Log(median), Math.Log(p99 / median) / Z99, random);

    /// <summary>Gamma with shape k and the given mean (rate = k / mean).</summary>
    public static ISampler Gamma(double shape, double mean, Random random) =>
        new ContinuousSampler(new Gamma(shape, shape / mean, random));

    public static ISampler Weibull(double shape, double scale, Random random) =>
        new ContinuousSampler(new Weibull(shape, scale, random));

    /// <summary>Pareto with minimum x_m and tail index α: heavy-tailed service times.</summary>
    public static ISampler Pareto(double scale, double shape, Random random) =>
        new ContinuousSampler(new Pareto(scale, shape, random));

    public static ISampler Empirical(IReadOnlyCollection<double> samples, Random random) =>
        new EmpiricalSampler(samples, random);
}

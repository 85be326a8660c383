using MathNet.Numerics.Distributions;

namespace IngressSim.Distributions;

/// <summary>A MathNet.Numerics continuous distribution whose random source is one of our streams.</summary>
public sealed class ContinuousSampler(IContinuousDistribution distribution) : ISampler
{
    public IContinuousDistribution Distribution { get; } = distribution;
    public double Sample() => Distribution.Sample();
    public double Mean => Distribution.Mean;
}

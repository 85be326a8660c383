namespace IngressSim.Distributions;

/// <summary>The degenerate distribution (M/D/1's "D"): always the same value, consumes no random numbers.</summary>
public sealed class ConstantSampler(double value) : ISampler
{
    public double Sample() => value;
    public double Mean => value;
}

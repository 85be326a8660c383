using IngressSim.Distributions;
using IngressSim.Engine.Randomness;
using IngressSim.Scenarios.Sampling;

namespace IngressSim.Model.Workloads;

/// <summary>Turns a scenario's <see cref="DistributionSpec"/> into a sampler of seconds drawing from one entity's stream.</summary>
public static class DurationSamplers
{
    public static ISampler For(DistributionSpec spec, RandomStream random) => spec switch
    {
        { Exponential: { } e } => Samplers.ExponentialWithMean(e.MeanSeconds, random),
        { Lognormal: { } l } => Samplers.LogNormal(l.Mu, l.Sigma, random),
        { Gamma: { } g } => Samplers.Gamma(g.Shape, g.Mean.TotalSeconds, random),
        { Weibull: { } w } => Samplers.Weibull(w.Shape, w.Scale.TotalSeconds, random),
        { Pareto: { } p } => Samplers.Pareto(p.Scale.TotalSeconds, p.Shape, random),
        { Deterministic: { } d } => Samplers.Constant(d.TotalSeconds),
        { Empirical: { Count: > 0 } samples } => Samplers.Empirical(samples.Select(s => s.TotalSeconds).ToArray(), random),
        _ => throw new ArgumentException("the distribution names no family", nameof(spec)),
    };
}

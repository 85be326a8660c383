namespace IngressSim.Distributions;

/// <summary>Draws one real value (seconds, for service times) from a distribution bound to one random stream.</summary>
public interface ISampler
{
    double Sample();

    /// <summary>The distribution's mean, for utilisation checks and reports (NaN if undefined, e.g. Pareto with α ≤ 1).</summary>
    double Mean { get; }
}

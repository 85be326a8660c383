namespace IngressSim.Model.Metrics;

/// <summary>One step of an empirical latency distribution: the fraction of requests at or below <see cref="LatencyMs"/>.</summary>
public readonly record struct CdfPoint(double LatencyMs, double Fraction);

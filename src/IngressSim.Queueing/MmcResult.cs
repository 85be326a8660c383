namespace IngressSim.Queueing;

/// <summary>What an <see cref="MmcModel"/> run measured, in seconds, with 95 % batch-means intervals.</summary>
public sealed record MmcResult(
    long Customers,
    long Events,
    double MeanWait,
    double MeanWaitHalfWidth,
    double MeanSojourn,
    double MeanSojournHalfWidth,
    double BlockingProbability,
    double BlockingHalfWidth,
    double TimeAverageInSystem,
    double ThroughputPerSecond,
    double SimulatedSeconds);

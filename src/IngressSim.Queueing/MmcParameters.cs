namespace IngressSim.Queueing;

/// <summary>An M/M/c/K (or M/D/c with <see cref="DeterministicService"/>) experiment: rates per second.</summary>
public sealed record MmcParameters
{
    public required int Servers { get; init; }
    public required double ArrivalRate { get; init; }
    public required double ServiceRate { get; init; }
    /// <summary>Customers to complete after the warm-up; the run stops when they have.</summary>
    public required long Customers { get; init; }
    public ulong Seed { get; init; } = 1;
    /// <summary>K: most customers in the system, or -1 for an infinite queue.</summary>
    public int Capacity { get; init; } = -1;
    /// <summary>Completions discarded before measuring, so the empty start does not bias the means.</summary>
    public long WarmupCustomers { get; init; }
    public bool DeterministicService { get; init; }
    /// <summary>Batches for the batch-means confidence interval.</summary>
    public int Batches { get; init; } = 30;
}

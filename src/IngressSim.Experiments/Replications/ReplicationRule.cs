namespace IngressSim.Experiments.Replications;

/// <summary>
/// How many replications each variant gets: a fixed number, or — after BenchmarkDotNet's
/// EngineActualStage — as many as it takes for every p99 to be known within a relative precision,
/// between <see cref="Minimum"/> and <see cref="Maximum"/>.
/// </summary>
public sealed record ReplicationRule
{
    /// <summary>Fewest replications for a precision target: below three, a t interval is too wide to judge.</summary>
    public const int PrecisionMinimum = 3;

    /// <summary>Default cap of a precision target, so a noisy or undefined statistic cannot run forever.</summary>
    public const int PrecisionMaximum = 50;

    private ReplicationRule(int minimum, int maximum, double? relativePrecision)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(minimum, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum, minimum);
        if (relativePrecision is { } p) ArgumentOutOfRangeException.ThrowIfNegativeOrZero(p);
        Minimum = minimum;
        Maximum = maximum;
        RelativePrecision = relativePrecision;
    }

    public int Minimum { get; }
    public int Maximum { get; }

    /// <summary>Target 95 % half-width as a fraction of the mean (0.02 for <c>--precision 2%</c>); null for a fixed count.</summary>
    public double? RelativePrecision { get; }

    public static ReplicationRule Fixed(int replications) => new(replications, replications, null);

    public static ReplicationRule UntilPrecision(double relativePrecision, int maximum = PrecisionMaximum) =>
        new(Math.Min(PrecisionMinimum, maximum), maximum, relativePrecision);

    /// <summary>
    /// The replication count to reach next, or <paramref name="current"/> when done.
    /// <paramref name="worstRelativeHalfWidth"/> is the widest relative p99 interval over every variant and phase.
    /// </summary>
    public int Next(int current, double worstRelativeHalfWidth)
    {
        if (current < Minimum) return Minimum;
        if (RelativePrecision is not { } target || current >= Maximum || worstRelativeHalfWidth <= target) return current;
        // A half-width shrinks like 1/√n, so (h/target)² · n replications should suffice; the estimate from a
        // few replications is itself noisy, so grow by at most a doubling per round and re-check.
        double projected = Math.Ceiling(current * Math.Pow(worstRelativeHalfWidth / target, 2));
        int next = double.IsFinite(projected) ? (int)Math.Min(projected, 2.0 * current) : 2 * current;
        return Math.Clamp(next, current + 1, Maximum);
    }
}

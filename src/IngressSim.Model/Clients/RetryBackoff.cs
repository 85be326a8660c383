using IngressSim.Engine.Time;
using IngressSim.Scenarios.Traffic;

namespace IngressSim.Model.Clients;

/// <summary>
/// A client's retry policy (RetryPolicySpec): up to <see cref="MaxRetries"/> retries, retry k waiting
/// backoff × multiplier^(k−1), capped at maxBackoff; which statuses are retried (timeouts and resets
/// always are, decided by the caller).
/// </summary>
public sealed class RetryBackoff
{
    private readonly Duration[] _delays;
    private readonly int[] _statuses;

    public RetryBackoff(RetryPolicySpec spec)
    {
        if (spec.Count < 0) throw new ArgumentOutOfRangeException(nameof(spec), spec.Count, "a retry count is non-negative");
        if (!(spec.Multiplier >= 1)) throw new ArgumentOutOfRangeException(nameof(spec), spec.Multiplier, "the back-off multiplier is at least 1");
        _delays = new Duration[spec.Count];
        double cap = spec.MaxBackoff.Nanoseconds;
        for (int k = 1; k <= spec.Count; k++)
            _delays[k - 1] = new Duration((long)Math.Min(cap, spec.Backoff.Nanoseconds * Math.Pow(spec.Multiplier, k - 1)));
        _statuses = [.. spec.OnStatus];
    }

    public int MaxRetries => _delays.Length;

    /// <summary>Wait before retry <paramref name="retry"/> (1 = the first retry).</summary>
    public Duration Delay(int retry)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(retry, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(retry, _delays.Length);
        return _delays[retry - 1];
    }

    /// <summary>Whether a response with this status is retried.</summary>
    public bool RetriesStatus(int status) => Array.IndexOf(_statuses, status) >= 0;
}

using IngressSim.Engine.Time;

namespace IngressSim.Engine.Statistics;

/// <summary>
/// Time average of a piecewise-constant quantity such as the number of customers in a station
/// (the L of Little's law): integrates value × time between changes, in exact integer arithmetic.
/// </summary>
public struct TimeWeightedStatistic
{
    private Instant _start, _lastChange;
    private long _value;
    private Int128 _area; // value × nanoseconds: exact for any run length

    public TimeWeightedStatistic(Instant start)
    {
        _start = start;
        _lastChange = start;
    }

    public readonly long Value => _value;

    public void Set(Instant now, long value)
    {
        _area += (Int128)_value * (now - _lastChange).Nanoseconds;
        _lastChange = now;
        _value = value;
    }

    /// <summary>Starts a new observation period (e.g. after a warm-up), keeping the current value.</summary>
    public void Reset(Instant now)
    {
        _start = now;
        _lastChange = now;
        _area = 0;
    }

    public readonly double AverageUntil(Instant now)
    {
        var total = (now - _start).Nanoseconds;
        if (total <= 0) return double.NaN;
        var area = _area + (Int128)_value * (now - _lastChange).Nanoseconds;
        return (double)area / total;
    }
}

using IngressSim.Engine.Time;

namespace IngressSim.Engine.Statistics;

/// <summary>
/// Time average of a piecewise-constant quantity such as the number of customers in a station
/// (the L of Little's law): integrates value × time between changes.
/// </summary>
public struct TimeWeightedStatistic
{
    private Instant _start, _lastChange;
    private long _value;
    private double _area; // value × nanoseconds; a double keeps 15 digits over any run length

    public TimeWeightedStatistic(Instant start)
    {
        _start = start;
        _lastChange = start;
    }

    public readonly long Value => _value;

    public void Set(Instant now, long value)
    {
        _area += (double)_value * (now.Nanoseconds - _lastChange.Nanoseconds);
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
        return (_area + (double)_value * (now.Nanoseconds - _lastChange.Nanoseconds)) / total;
    }
}

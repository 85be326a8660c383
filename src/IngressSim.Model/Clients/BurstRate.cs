using IngressSim.Scenarios.Traffic;

namespace IngressSim.Model.Clients;

/// <summary>A base rate with bursts to a peak lasting <c>length</c>, every <c>every</c>, the first at <c>start</c> (BurstsSpec).</summary>
public sealed class BurstRate : RateProfile
{
    private readonly double _base, _peak;
    private readonly long _every, _length, _start;

    public BurstRate(BurstsSpec spec)
    {
        _base = spec.Base.PerSecond;
        _peak = spec.Peak.PerSecond;
        _every = spec.Every.Nanoseconds;
        _length = spec.Length.Nanoseconds;
        _start = spec.Start.Nanoseconds;
        if (!(_length > 0 && _length < _every)) throw new ArgumentException("a burst must be shorter than its period", nameof(spec));
        if (!(_base >= 0 && _peak >= 0)) throw new ArgumentOutOfRangeException(nameof(spec), "rates must be non-negative");
    }

    public override double PerSecondAt(long ns) => PieceAt(ns).Bound;

    public override RatePiece PieceAt(long ns)
    {
        if (ns < _start) return new(_start, _base, Exact: true);
        long intoCycle = (ns - _start) % _every;
        long cycleStart = ns - intoCycle;
        return intoCycle < _length
            ? new(cycleStart + _length, _peak, Exact: true)
            : new(cycleStart + _every, _base, Exact: true);
    }
}

using IngressSim.Scenarios.Traffic;

namespace IngressSim.Model.Clients;

/// <summary>A linear change between two rates; constant before the start and after the end (RampSpec).</summary>
public sealed class RampRate : RateProfile
{
    // The ramp is cut into pieces, each bounded by its larger end, so thinning rejects at most about
    // 1/(2·Pieces) of the candidates on a ramp from zero instead of half.
    private const int Pieces = 32;

    private readonly double _from, _to;
    private readonly long _start, _span;

    public RampRate(RampSpec spec)
    {
        _from = spec.From.PerSecond;
        _to = spec.To.PerSecond;
        _start = spec.Start.Nanoseconds;
        _span = (spec.End - spec.Start).Nanoseconds;
        if (_span <= 0) throw new ArgumentException("the ramp ends before it starts", nameof(spec));
        if (!(_from >= 0 && _to >= 0)) throw new ArgumentOutOfRangeException(nameof(spec), "ramp rates must be non-negative");
    }

    public override double PerSecondAt(long ns)
    {
        long offset = ns - _start;
        if (offset <= 0) return _from;
        if (offset >= _span) return _to;
        return _from + (_to - _from) * ((double)offset / _span);
    }

    public override RatePiece PieceAt(long ns)
    {
        long offset = ns - _start;
        if (offset < 0) return new(_start, _from, Exact: true);
        if (offset >= _span) return new(long.MaxValue, _to, Exact: true);
        // Piece j covers offsets [ceil(j·span/Pieces), ceil((j+1)·span/Pieces)): ceilings keep every piece non-empty and ending after ns.
        long j = (long)((Int128)offset * Pieces / _span);
        long end = _start + CeilPart(j + 1);
        return new(end, Math.Max(PerSecondAt(_start + CeilPart(j)), PerSecondAt(end)), Exact: _from == _to);
    }

    private long CeilPart(long j) => (long)(((Int128)j * _span + Pieces - 1) / Pieces);
}

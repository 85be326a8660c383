using IngressSim.Scenarios.Traffic;

namespace IngressSim.Model.Clients;

/// <summary>mean × (1 + amplitude × cos(2π (t − peakAt) / period)), never below zero (DiurnalSpec).</summary>
public sealed class DiurnalRate : RateProfile
{
    // Each period is cut into pieces aligned to the peak; a piece's bound is the curve's larger end
    // (cosine is monotone between peak and trough), so thinning rejects only a few per cent.
    private const int Pieces = 48;

    private readonly double _mean, _amplitude;
    private readonly long _period, _peakAt;
    private readonly double[] _bounds = new double[Pieces];

    public DiurnalRate(DiurnalSpec spec)
    {
        _mean = spec.Mean.PerSecond;
        _amplitude = spec.Amplitude.Fraction;
        _period = spec.Period.Nanoseconds;
        _peakAt = spec.PeakAt.Nanoseconds;
        if (_period <= 0) throw new ArgumentOutOfRangeException(nameof(spec), "the period must be positive");
        if (!(_mean >= 0 && _amplitude >= 0)) throw new ArgumentOutOfRangeException(nameof(spec), "mean and amplitude must be non-negative");
        for (int j = 0; j < Pieces; j++)
            _bounds[j] = Math.Max(RateAtPhase((double)j / Pieces), RateAtPhase((double)(j + 1) / Pieces));
    }

    public override double PerSecondAt(long ns) => RateAtPhase((double)PhaseOffset(ns) / _period);

    public override RatePiece PieceAt(long ns)
    {
        long offset = PhaseOffset(ns);
        int j = (int)((Int128)offset * Pieces / _period);
        // Piece ends at the ceiling of its exact boundary, so it is non-empty and ends after ns.
        long end = ns - offset + (long)(((Int128)(j + 1) * _period + Pieces - 1) / Pieces);
        return new(end, _bounds[j], Exact: _amplitude == 0);
    }

    /// <summary>Nanoseconds since the last peak, in [0, period).</summary>
    private long PhaseOffset(long ns)
    {
        long offset = (ns - _peakAt) % _period;
        return offset < 0 ? offset + _period : offset;
    }

    private double RateAtPhase(double fractionOfPeriod) =>
        _mean * Math.Max(0, 1 + _amplitude * Math.Cos(2 * Math.PI * fractionOfPeriod));
}

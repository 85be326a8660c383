using IngressSim.Scenarios.Traffic;

namespace IngressSim.Model.Clients;

/// <summary>A rate held constant from each start to the next: constant rates, steps, and CSV rate series.</summary>
public sealed class PiecewiseConstantRate : RateProfile
{
    private readonly long[] _starts;
    private readonly double[] _rates;

    /// <param name="starts">Strictly increasing piece starts (ns); the first piece also covers all time before it.</param>
    /// <param name="rates">Rate per second of each piece, non-negative.</param>
    public PiecewiseConstantRate(long[] starts, double[] rates)
    {
        if (starts.Length == 0 || starts.Length != rates.Length) throw new ArgumentException("one rate per start, at least one piece");
        for (int i = 0; i < rates.Length; i++)
        {
            if (!(rates[i] >= 0) || double.IsInfinity(rates[i])) throw new ArgumentOutOfRangeException(nameof(rates), rates[i], "rates must be finite and non-negative");
            if (i > 0 && starts[i] <= starts[i - 1]) throw new ArgumentException("piece starts must increase", nameof(starts));
        }
        _starts = starts;
        _rates = rates;
    }

    public static PiecewiseConstantRate Constant(double perSecond) => new([0], [perSecond]);

    /// <summary>Steps in any order; the rate is 0 before the first (RateStepSpec); a later step at the same time wins.</summary>
    public static PiecewiseConstantRate FromSteps(IReadOnlyList<RateStepSpec> steps)
    {
        var ordered = steps.Select((s, i) => (At: s.At.Nanoseconds, Rate: s.Rate.PerSecond, Index: i))
            .OrderBy(s => s.At).ThenBy(s => s.Index);
        var starts = new List<long> { long.MinValue };
        var rates = new List<double> { 0 };
        foreach (var (at, rate, _) in ordered)
        {
            if (at == starts[^1]) rates[^1] = rate;
            else { starts.Add(at); rates.Add(rate); }
        }
        return new([.. starts], [.. rates]);
    }

    /// <summary>A CSV series (held constant between rows and after the last, RateSeries) times its scale.</summary>
    public static PiecewiseConstantRate FromSeries(RateSeries series, double scale)
    {
        var points = series.Points;
        if (points.Count == 0) throw new ArgumentException("the rate series has no rows", nameof(series));
        var starts = new long[points.Count];
        var rates = new double[points.Count];
        for (int i = 0; i < points.Count; i++)
        {
            starts[i] = points[i].Offset.Nanoseconds;
            rates[i] = points[i].Rate.PerSecond * scale;
        }
        return new(starts, rates);
    }

    public override double PerSecondAt(long ns) => _rates[IndexAt(ns)];

    public override RatePiece PieceAt(long ns)
    {
        int i = IndexAt(ns);
        return new(i + 1 < _starts.Length ? _starts[i + 1] : long.MaxValue, _rates[i], Exact: true);
    }

    private int IndexAt(long ns)
    {
        int i = Array.BinarySearch(_starts, ns);
        return i >= 0 ? i : Math.Max(0, ~i - 1);
    }
}

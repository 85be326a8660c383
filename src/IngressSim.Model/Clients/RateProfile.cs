using IngressSim.Scenarios.Traffic;

namespace IngressSim.Model.Clients;

/// <summary>
/// An event rate over simulated time, in the form the arrival process needs: the rate at an instant,
/// and the piece of time around it with an upper bound of the rate (the envelope for thinning).
/// Times are nanoseconds since the start of the simulation; rates are per second.
/// </summary>
public abstract class RateProfile
{
    /// <summary>The rate (per second) at <paramref name="ns"/>.</summary>
    public abstract double PerSecondAt(long ns);

    /// <summary>The piece containing <paramref name="ns"/>: it ends after <paramref name="ns"/>, and the rate on it never exceeds its bound.</summary>
    public abstract RatePiece PieceAt(long ns);

    /// <summary>
    /// The profile a scenario describes. <paramref name="rateSeries"/> holds the parsed CSV files by
    /// the path the scenario wrote (<c>LoadedScenario.RateSeries</c>).
    /// </summary>
    public static RateProfile From(RateProfileSpec spec, IReadOnlyDictionary<string, RateSeries> rateSeries) => spec switch
    {
        { Constant: { } rate } => PiecewiseConstantRate.Constant(rate.PerSecond),
        { Steps: { } steps } => PiecewiseConstantRate.FromSteps(steps),
        { Ramp: { } ramp } => new RampRate(ramp),
        { Diurnal: { } diurnal } => new DiurnalRate(diurnal),
        { Bursts: { } bursts } => new BurstRate(bursts),
        { Csv: { } csv } => rateSeries.TryGetValue(csv.File, out var series)
            ? PiecewiseConstantRate.FromSeries(series, csv.Scale.Fraction)
            : throw new ArgumentException($"the rate series '{csv.File}' was not loaded", nameof(rateSeries)),
        _ => throw new ArgumentException("the rate profile names no shape", nameof(spec)),
    };
}

/// <summary>A span of time ending (exclusively) at <see cref="End"/> over which the rate is at most <see cref="Bound"/> per second; <see cref="Exact"/> when it equals the bound throughout.</summary>
public readonly record struct RatePiece(long End, double Bound, bool Exact);

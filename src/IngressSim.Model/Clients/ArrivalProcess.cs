using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;
using IngressSim.Scenarios.Traffic;

namespace IngressSim.Model.Clients;

/// <summary>
/// Open-loop, non-homogeneous Poisson arrivals: rate(t) = profile(t) × scale. Exact by thinning
/// (Lewis &amp; Shedler 1979) against the profile's piecewise envelope: candidates come at the
/// envelope's rate, each kept with probability rate/envelope; a candidate that would cross a piece
/// end restarts at that end (the exponential is memoryless). On constant pieces every candidate is kept
/// and no acceptance draw is made. The process holds no time state: the next arrival after any instant
/// is drawn afresh, so after <see cref="SetScale"/> or <see cref="ChangeProfile"/> the caller redraws its
/// pending arrival from the change instant and the result is still exactly Poisson.
/// When each arrival starts a visit of several requests, arrivals come at rate(t) / requests per visit.
/// </summary>
public sealed class ArrivalProcess
{
    private RateProfile _profile;

    /// <param name="horizon">No arrival at or after this instant is returned (the end of the run).</param>
    /// <param name="eventsPerArrival">Mean events each arrival stands for (requests per visit): the profile's rate is divided by it.</param>
    public ArrivalProcess(RateProfile profile, Instant horizon, double eventsPerArrival = 1)
    {
        if (!(eventsPerArrival >= 1) || double.IsInfinity(eventsPerArrival))
            throw new ArgumentOutOfRangeException(nameof(eventsPerArrival), eventsPerArrival, "an arrival stands for at least one event");
        _profile = profile;
        Horizon = horizon;
        EventsPerArrival = eventsPerArrival;
    }

    public static ArrivalProcess From(RateProfileSpec spec, IReadOnlyDictionary<string, RateSeries> rateSeries, Instant horizon, double eventsPerArrival = 1) =>
        new(RateProfile.From(spec, rateSeries), horizon, eventsPerArrival);

    public double EventsPerArrival { get; }

    public Instant Horizon { get; }
    public RateProfile Profile => _profile;

    /// <summary>Multiplier on the profile (a timeline traffic change); 1 at the start.</summary>
    public double Scale { get; private set; } = 1;

    /// <summary>Scales the rate from now on; redraw the pending arrival from the change instant.</summary>
    public void SetScale(double factor)
    {
        if (!(factor >= 0) || double.IsInfinity(factor)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "a rate scale is finite and non-negative");
        Scale = factor;
    }

    /// <summary>Switches to another profile (times stay offsets from the simulation start); redraw the pending arrival from the change instant.</summary>
    public void ChangeProfile(RateProfile profile) => _profile = profile;

    /// <summary>
    /// The first arrival strictly after <paramref name="now"/>, or null if none comes before the horizon.
    /// Arrivals lie on the nanosecond grid (a candidate gap is rounded up, at most 1 ns late).
    /// </summary>
    public Instant? Next(Instant now, RandomStream random)
    {
        if (Scale == 0) return null;
        long t = now.Nanoseconds;
        long horizon = Horizon.Nanoseconds;
        while (t < horizon)
        {
            var piece = _profile.PieceAt(t);
            long end = Math.Min(piece.End, horizon);
            double bound = piece.Bound * Scale / EventsPerArrival;
            if (bound <= 0) { t = end; continue; }
            double gapNs = -Math.Log(random.NextOpenDouble()) * (Duration.NanosPerSecond / bound);
            if (gapNs >= end - t) { t = end; continue; }
            t += Math.Max(1, (long)Math.Ceiling(gapNs));
            if (t >= end) continue;
            if (piece.Exact || random.NextDouble() * piece.Bound < _profile.PerSecondAt(t)) return new Instant(t);
        }
        return null;
    }
}

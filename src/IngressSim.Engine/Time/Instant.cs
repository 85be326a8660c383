using System.Globalization;

namespace IngressSim.Engine.Time;

/// <summary>
/// A point in simulated time: integral nanoseconds since the simulation started. There is no wall
/// clock in the engine (no DateTime): runs are reproducible to the nanosecond.
/// </summary>
public readonly record struct Instant(long Nanoseconds) : IComparable<Instant>
{
    public static readonly Instant Zero = new(0);
    public static readonly Instant MaxValue = new(long.MaxValue);

    public static Instant FromSeconds(long s) => new(checked(s * Duration.NanosPerSecond));
    public static Instant At(Duration sinceStart) => new(sinceStart.Nanoseconds);

    public Duration SinceStart => new(Nanoseconds);
    public double TotalSeconds => Nanoseconds / (double)Duration.NanosPerSecond;

    public static Instant operator +(Instant t, Duration d) => new(checked(t.Nanoseconds + d.Nanoseconds));
    public static Instant operator -(Instant t, Duration d) => new(checked(t.Nanoseconds - d.Nanoseconds));
    public static Duration operator -(Instant a, Instant b) => new(checked(a.Nanoseconds - b.Nanoseconds));
    public static bool operator <(Instant a, Instant b) => a.Nanoseconds < b.Nanoseconds;
    public static bool operator >(Instant a, Instant b) => a.Nanoseconds > b.Nanoseconds;
    public static bool operator <=(Instant a, Instant b) => a.Nanoseconds <= b.Nanoseconds;
    public static bool operator >=(Instant a, Instant b) => a.Nanoseconds >= b.Nanoseconds;

    public static Instant Min(Instant a, Instant b) => a <= b ? a : b;
    public static Instant Max(Instant a, Instant b) => a >= b ? a : b;

    public int CompareTo(Instant other) => Nanoseconds.CompareTo(other.Nanoseconds);

    /// <summary>Clock-style rendering for timelines: <c>T+00:12:03.250</c>.</summary>
    public string ToClockString()
    {
        long ms = Nanoseconds / Duration.NanosPerMillisecond;
        long h = ms / 3_600_000, m = ms / 60_000 % 60, s = ms / 1000 % 60, frac = ms % 1000;
        return string.Create(CultureInfo.InvariantCulture, $"T+{h:00}:{m:00}:{s:00}.{frac:000}");
    }

    public override string ToString() => ToClockString();
}

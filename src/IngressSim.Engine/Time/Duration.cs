using System.Globalization;

namespace IngressSim.Engine.Time;

/// <summary>
/// A span of simulated time in integral nanoseconds (after NodaTime's Duration). Range ±292 years,
/// far beyond any scenario; arithmetic is checked so an absurd scenario fails loudly, not silently.
/// </summary>
public readonly record struct Duration(long Nanoseconds) : IComparable<Duration>
{
    public const long NanosPerMicrosecond = 1_000;
    public const long NanosPerMillisecond = 1_000_000;
    public const long NanosPerSecond = 1_000_000_000;
    public const long NanosPerMinute = 60 * NanosPerSecond;
    public const long NanosPerHour = 60 * NanosPerMinute;
    public const long NanosPerDay = 24 * NanosPerHour;

    public static readonly Duration Zero = new(0);
    public static readonly Duration MaxValue = new(long.MaxValue);

    public static Duration FromNanoseconds(long ns) => new(ns);
    public static Duration FromMicroseconds(long us) => new(checked(us * NanosPerMicrosecond));
    public static Duration FromMilliseconds(long ms) => new(checked(ms * NanosPerMillisecond));
    public static Duration FromSeconds(long s) => new(checked(s * NanosPerSecond));
    public static Duration FromMinutes(long m) => new(checked(m * NanosPerMinute));
    public static Duration FromHours(long h) => new(checked(h * NanosPerHour));

    /// <summary>Rounds a real-valued number of seconds (e.g. a sampled service time) to the nearest nanosecond.</summary>
    public static Duration FromSecondsRounded(double seconds)
    {
        double ns = Math.Round(seconds * NanosPerSecond);
        // One comparison pair also rejects NaN (every comparison with NaN is false) and infinities.
        if (!(ns < long.MaxValue && ns > long.MinValue))
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "a duration must be finite and within ±292 years");
        return new((long)ns);
    }

    public double TotalSeconds => Nanoseconds / (double)NanosPerSecond;
    public double TotalMilliseconds => Nanoseconds / (double)NanosPerMillisecond;
    public bool IsNegative => Nanoseconds < 0;

    public static Duration operator +(Duration a, Duration b) => new(checked(a.Nanoseconds + b.Nanoseconds));
    public static Duration operator -(Duration a, Duration b) => new(checked(a.Nanoseconds - b.Nanoseconds));
    public static Duration operator -(Duration a) => new(checked(-a.Nanoseconds));
    public static Duration operator *(Duration a, long k) => new(checked(a.Nanoseconds * k));
    public static Duration operator /(Duration a, long k) => new(a.Nanoseconds / k);
    public static bool operator <(Duration a, Duration b) => a.Nanoseconds < b.Nanoseconds;
    public static bool operator >(Duration a, Duration b) => a.Nanoseconds > b.Nanoseconds;
    public static bool operator <=(Duration a, Duration b) => a.Nanoseconds <= b.Nanoseconds;
    public static bool operator >=(Duration a, Duration b) => a.Nanoseconds >= b.Nanoseconds;

    public static Duration Min(Duration a, Duration b) => a <= b ? a : b;
    public static Duration Max(Duration a, Duration b) => a >= b ? a : b;

    public int CompareTo(Duration other) => Nanoseconds.CompareTo(other.Nanoseconds);

    /// <summary>Parses a scenario duration such as <c>250ms</c>, <c>1.5s</c>, <c>5m</c>, <c>1h30m</c>, <c>1d</c>.</summary>
    public static Duration Parse(string text) =>
        TryParse(text, out var d, out var error) ? d : throw new FormatException(error);

    /// <summary>
    /// Parses one or more <c>number unit</c> terms (units ns, us, µs, ms, s, m, h, d). A bare number is
    /// rejected: a scenario that says <c>timeout: 5</c> is ambiguous and gets a hint instead of a guess.
    /// </summary>
    public static bool TryParse(string? text, out Duration value, out string error)
    {
        value = Zero;
        error = "";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "expected a duration such as 250ms, 5s, 1h";
            return false;
        }
        var s = text.Trim();
        long total = 0;
        int i = 0;
        bool negative = false;
        if (s[0] == '-') { negative = true; i = 1; }
        if (i >= s.Length) { error = $"'{text}' is not a duration; expected e.g. 250ms, 5s, 1h"; return false; }
        while (i < s.Length)
        {
            int start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
            if (i == start) { error = $"'{text}' is not a duration; expected e.g. 250ms, 5s, 1h"; return false; }
            if (!decimal.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                error = $"'{text}' is not a duration; '{s[start..i]}' is not a number";
                return false;
            }
            int unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.') i++;
            var unit = s[unitStart..i].Trim();
            long scale;
            switch (unit)
            {
                case "ns": scale = 1; break;
                case "us": case "µs": scale = NanosPerMicrosecond; break;
                case "ms": scale = NanosPerMillisecond; break;
                case "s": scale = NanosPerSecond; break;
                case "m": case "min": scale = NanosPerMinute; break;
                case "h": scale = NanosPerHour; break;
                case "d": scale = NanosPerDay; break;
                case "":
                    error = $"'{text}' has no unit; write e.g. {s[start..i]}s or {s[start..i]}ms";
                    return false;
                default:
                    error = $"'{text}': unknown time unit '{unit}'; use ns, us, ms, s, m, h or d";
                    return false;
            }
            try
            {
                decimal ns = number * scale;
                if (ns != decimal.Truncate(ns)) { error = $"'{text}' is finer than a nanosecond"; return false; }
                total = checked(total + (long)ns);
            }
            catch (OverflowException)
            {
                error = $"'{text}' is too long a duration";
                return false;
            }
        }
        value = new Duration(negative ? -total : total);
        return true;
    }

    /// <summary>Shortest exact rendering with one unit: 250ms, 5s, 1.5s, 2h, 120ns.</summary>
    public override string ToString()
    {
        long ns = Nanoseconds;
        if (ns == 0) return "0s";
        foreach (var (scale, unit) in Units)
            if (ns % scale == 0) return (ns / scale).ToString(CultureInfo.InvariantCulture) + unit;
        return (ns / (double)NanosPerSecond).ToString("0.#########", CultureInfo.InvariantCulture) + "s";
    }

    private static readonly (long Scale, string Unit)[] Units =
    [
        (NanosPerDay, "d"), (NanosPerHour, "h"), (NanosPerMinute, "m"), (NanosPerSecond, "s"),
        (NanosPerMillisecond, "ms"), (NanosPerMicrosecond, "us"),
    ];
}

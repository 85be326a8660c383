namespace IngressSim.Scenarios.Units;

/// <summary>
/// Events per second (requests, deploys, syncs). Written the way people say it: <c>10k/s</c>,
/// <c>0.3/s</c>, <c>2/min</c>, <c>500/day</c>. Magnitude suffixes k, M, G are decimal (×1000).
/// </summary>
public readonly record struct Rate(double PerSecond) : IComparable<Rate>
{
    public static readonly Rate Zero = new(0);

    public static Rate Parse(string text) =>
        TryParse(text, out var rate, out var error) ? rate : throw new FormatException(error);

    public static bool TryParse(string? text, out Rate value, out string error)
    {
        value = Zero;
        error = $"'{text}' is not a rate; write e.g. 100/s, 10k/s, 2/min, 500/day";
        if (string.IsNullOrWhiteSpace(text)) return false;
        int slash = text.IndexOf('/');
        if (slash < 0)
        {
            error = $"'{text}' has no time unit; write e.g. {text.Trim()}/s or {text.Trim()}/day";
            return false;
        }
        if (!QuantityText.TrySplit(text[..slash], out var count, out var magnitude)) return false;
        decimal multiplier;
        switch (magnitude)
        {
            case "": multiplier = 1m; break;
            case "k": multiplier = 1_000m; break;
            case "M": multiplier = 1_000_000m; break;
            case "G": multiplier = 1_000_000_000m; break;
            default:
                error = $"'{text}': unknown magnitude '{magnitude}'; use k, M or G (e.g. 10k/s)";
                return false;
        }
        decimal seconds;
        switch (text[(slash + 1)..].Trim())
        {
            case "s": case "sec": case "second": seconds = 1m; break;
            case "m": case "min": case "minute": seconds = 60m; break;
            case "h": case "hour": seconds = 3_600m; break;
            case "d": case "day": seconds = 86_400m; break;
            case var unit:
                error = $"'{text}': unknown time unit '{unit}'; use s, min, h or day (e.g. 500/day)";
                return false;
        }
        // Divide in double: for integral counts the result is the correctly rounded quotient (500/day
        // equals 500.0 / 86400.0 exactly), which a decimal quotient rounded again to double is not.
        value = new Rate((double)(count * multiplier) / (double)seconds);
        return true;
    }

    public int CompareTo(Rate other) => PerSecond.CompareTo(other.PerSecond);

    public override string ToString() => QuantityText.Format(PerSecond) + "/s";
}

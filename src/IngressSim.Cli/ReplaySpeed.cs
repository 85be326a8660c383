using System.Globalization;

namespace IngressSim.Cli;

/// <summary>
/// <c>--speed</c> of <c>replay</c>: simulated seconds per wall-clock second (<c>60x</c>: 30 simulated
/// minutes in 30 s), or <c>max</c> (no pacing: the narrative at once).
/// </summary>
public readonly record struct ReplaySpeed(double SimulatedSecondsPerSecond)
{
    public static readonly ReplaySpeed Max = new(double.PositiveInfinity);
    public static readonly ReplaySpeed Default = new(60);

    public bool IsMax => double.IsPositiveInfinity(SimulatedSecondsPerSecond);

    public static bool TryParse(string? text, out ReplaySpeed speed, out string error)
    {
        speed = Default;
        error = "";
        if (string.IsNullOrWhiteSpace(text)) return true;
        string t = text.Trim();
        if (t.Equals("max", StringComparison.OrdinalIgnoreCase)) { speed = Max; return true; }
        string number = t.EndsWith('x') || t.EndsWith('X') ? t[..^1] : t;
        if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x > 0 && double.IsFinite(x))
        {
            speed = new ReplaySpeed(x);
            return true;
        }
        error = $"--speed '{text}' is not a speed; expected simulated seconds per second such as 60x (or 1x, 600x), or max";
        return false;
    }

    public override string ToString() => IsMax ? "max" : SimulatedSecondsPerSecond.ToString("0.##", CultureInfo.InvariantCulture) + "x";
}

using System.Globalization;

namespace IngressSim.Scenarios.Units;

/// <summary>
/// Shared lexing for unit-bearing scalars: a decimal number (parsed as <see cref="decimal"/> so
/// <c>0.3/s</c> or <c>500/day</c> are exact until the final division) followed by a suffix.
/// </summary>
internal static class QuantityText
{
    /// <summary>Splits <c>"10k/s"</c> into 10 and <c>"k/s"</c>; false when there is no leading number.</summary>
    public static bool TrySplit(string text, out decimal number, out string suffix)
    {
        number = 0;
        suffix = "";
        var s = text.Trim();
        int i = 0;
        if (i < s.Length && (s[i] == '-' || s[i] == '+')) i++;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
        if (i == 0 || (i == 1 && !char.IsAsciiDigit(s[0]))) return false;
        if (!decimal.TryParse(s.AsSpan(0, i), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
                CultureInfo.InvariantCulture, out number))
            return false;
        suffix = s[i..].Trim();
        return true;
    }

    public static string Format(double value) => value.ToString("0.##########", CultureInfo.InvariantCulture);
}

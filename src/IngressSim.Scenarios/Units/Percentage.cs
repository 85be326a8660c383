namespace IngressSim.Scenarios.Units;

/// <summary>A share written with a percent sign (<c>10%</c>, <c>0.5%</c>), held as a fraction (0.1).</summary>
public readonly record struct Percentage(double Fraction) : IComparable<Percentage>
{
    public static Percentage FromPercent(double percent) => new(percent / 100.0);

    public double Percent => Fraction * 100.0;

    public static bool TryParse(string? text, out Percentage value, out string error)
    {
        value = default;
        error = $"'{text}' is not a percentage; write e.g. 10% or 0.5%";
        if (string.IsNullOrWhiteSpace(text) || !QuantityText.TrySplit(text, out var number, out var suffix)) return false;
        if (suffix != "%")
        {
            // A bare 0.1 could mean 0.1 % or 10 %: ask instead of guessing.
            if (suffix == "") error = $"'{text}' has no percent sign; write {text.Trim()}% (or {number * 100m}% if you meant a fraction)";
            return false;
        }
        value = new Percentage((double)(number / 100m));
        return true;
    }

    public int CompareTo(Percentage other) => Fraction.CompareTo(other.Fraction);

    public override string ToString() => QuantityText.Format(Percent) + "%";
}

namespace IngressSim.Scenarios.Units;

/// <summary>CPU in millicores, written as Kubernetes does: <c>500m</c>, <c>2</c>, <c>1.5</c>.</summary>
public readonly record struct CpuQuantity(long Millicores) : IComparable<CpuQuantity>
{
    public static CpuQuantity FromCores(long cores) => new(checked(cores * 1000));

    public double Cores => Millicores / 1000.0;

    public static bool TryParse(string? text, out CpuQuantity value, out string error)
    {
        value = default;
        error = $"'{text}' is not a CPU quantity; write e.g. 500m or 2";
        if (string.IsNullOrWhiteSpace(text) || !QuantityText.TrySplit(text, out var number, out var suffix)) return false;
        decimal millis;
        switch (suffix)
        {
            case "": millis = number * 1000m; break;
            case "m": millis = number; break;
            default:
                error = $"'{text}': unknown CPU unit '{suffix}'; use m (millicores) or none (cores)";
                return false;
        }
        if (millis != decimal.Truncate(millis))
        {
            error = $"'{text}' is finer than one millicore";
            return false;
        }
        if (Math.Abs(millis) > long.MaxValue / 2) { error = $"'{text}' is too large"; return false; }
        value = new CpuQuantity((long)millis);
        return true;
    }

    public int CompareTo(CpuQuantity other) => Millicores.CompareTo(other.Millicores);

    public override string ToString() => Millicores % 1000 == 0 ? (Millicores / 1000).ToString() : Millicores + "m";
}

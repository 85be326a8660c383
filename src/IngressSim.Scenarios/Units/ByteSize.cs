namespace IngressSim.Scenarios.Units;

/// <summary>A memory size in bytes, written as Kubernetes quantities: <c>10Mi</c>, <c>512Ki</c>, <c>1G</c>, <c>4096</c>.</summary>
public readonly record struct ByteSize(long Bytes) : IComparable<ByteSize>
{
    public static bool TryParse(string? text, out ByteSize value, out string error)
    {
        value = default;
        error = $"'{text}' is not a size; write e.g. 10Mi, 512Ki, 1Gi";
        if (string.IsNullOrWhiteSpace(text) || !QuantityText.TrySplit(text, out var number, out var suffix)) return false;
        decimal scale;
        switch (suffix)
        {
            case "": scale = 1m; break;
            case "k": scale = 1e3m; break;
            case "M": scale = 1e6m; break;
            case "G": scale = 1e9m; break;
            case "T": scale = 1e12m; break;
            case "Ki": scale = 1L << 10; break;
            case "Mi": scale = 1L << 20; break;
            case "Gi": scale = 1L << 30; break;
            case "Ti": scale = 1L << 40; break;
            default:
                error = $"'{text}': unknown size unit '{suffix}'; use Ki, Mi, Gi, Ti (or k, M, G, T)";
                return false;
        }
        if (Math.Abs(number) > 1e15m) { error = $"'{text}' is too large"; return false; }
        decimal bytes = number * scale;
        if (bytes != decimal.Truncate(bytes)) { error = $"'{text}' is not a whole number of bytes"; return false; }
        value = new ByteSize((long)bytes);
        return true;
    }

    public int CompareTo(ByteSize other) => Bytes.CompareTo(other.Bytes);

    public override string ToString() =>
        Bytes % (1L << 30) == 0 && Bytes != 0 ? Bytes / (1L << 30) + "Gi"
        : Bytes % (1L << 20) == 0 && Bytes != 0 ? Bytes / (1L << 20) + "Mi"
        : Bytes % (1L << 10) == 0 && Bytes != 0 ? Bytes / (1L << 10) + "Ki"
        : Bytes.ToString();
}

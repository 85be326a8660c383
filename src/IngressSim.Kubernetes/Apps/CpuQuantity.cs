using System.Globalization;

namespace IngressSim.Kubernetes.Apps;

/// <summary>
/// CPU quantities as Kubernetes writes them: <c>500m</c> (millicores), <c>0.5</c> or <c>2</c> (cores).
/// Other suffixes (k, M, Ki, ...) are legal quantities but never used for CPU, so they are rejected.
/// </summary>
public static class CpuQuantity
{
    public static bool TryParseMillicores(string text, out long millicores)
    {
        millicores = 0;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var span = text.AsSpan().Trim();
        if (span[^1] == 'm')
            return long.TryParse(span[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out millicores);
        if (!decimal.TryParse(span, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal cores))
            return false;
        // Kubernetes rounds CPU up to whole millicores (resource.Quantity MilliValue).
        millicores = (long)Math.Ceiling(cores * 1000m);
        return true;
    }
}

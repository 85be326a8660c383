using System.Globalization;

namespace IngressSim.Kubernetes.Meta;

/// <summary>
/// Kubernetes' IntOrString: a Service targetPort (<c>8080</c> or <c>http</c>) or a rolling-update
/// bound (<c>1</c> or <c>25%</c>).
/// </summary>
public readonly record struct IntOrString
{
    private IntOrString(int? number, string? text) { Number = number; Text = text; }

    public int? Number { get; }
    public string? Text { get; }

    public bool IsNumber => Number.HasValue;

    public static IntOrString FromInt(int value) => new(value, null);
    public static IntOrString FromString(string value) => new(null, value);

    /// <summary>
    /// Resolves an absolute value or a percentage of <paramref name="total"/>. Kubernetes rounds maxSurge
    /// up and maxUnavailable down (apps/v1 RollingUpdateDeployment docs), hence <paramref name="roundUp"/>.
    /// Returns false for text that is neither a number nor a percentage.
    /// </summary>
    public bool TryScale(int total, bool roundUp, out int value)
    {
        value = 0;
        if (Number is int n) { value = n; return true; }
        if (Text is not { Length: > 1 } text || text[^1] != '%') return false;
        if (!int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int percent))
            return false;
        double scaled = total * percent / 100.0;
        value = (int)(roundUp ? Math.Ceiling(scaled) : Math.Floor(scaled));
        return true;
    }

    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? Text ?? "";
}

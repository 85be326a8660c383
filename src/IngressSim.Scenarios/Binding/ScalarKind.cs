using System.Globalization;
using IngressSim.Engine.Time;
using IngressSim.Scenarios.Units;

namespace IngressSim.Scenarios.Binding;

/// <summary>
/// How one scalar type is written: its parser, its magnitude for range checks, its default sane
/// range, and the JSON Schema pattern that lets editors check it. One table drives the binder and
/// the schema, so they cannot disagree.
/// </summary>
public sealed record ScalarKind(
    Type Type,
    ScalarKind.Parser Parse,
    Func<object, double> Magnitude,
    string DefaultMin,
    string DefaultMax,
    string? Pattern,
    string Example)
{
    public delegate bool Parser(string text, out object? value, out string error);

    public bool TryParse(string text, out object? value, out string error) => Parse(text, out value, out error);
}

public static class ScalarKinds
{
    private const string NumberPattern = @"-?[0-9]+(\.[0-9]+)?";

    private static readonly Dictionary<Type, ScalarKind> ByType = new ScalarKind[]
    {
        new(typeof(Duration), (string t, out object? v, out string e) => Wrap(Duration.TryParse(t, out var d, out e), d, out v),
            o => ((Duration)o).Nanoseconds, "0s", "400d",
            $"^({NumberPattern}(ns|us|µs|ms|s|m|min|h|d))+$", "250ms"),
        new(typeof(Rate), (string t, out object? v, out string e) => Wrap(Rate.TryParse(t, out var r, out e), r, out v),
            o => ((Rate)o).PerSecond, "0/s", "100M/s",
            $@"^{NumberPattern}\s*[kMG]?\s*/\s*(s|sec|second|m|min|minute|h|hour|d|day)$", "10k/s"),
        new(typeof(CpuQuantity), (string t, out object? v, out string e) => Wrap(CpuQuantity.TryParse(t, out var c, out e), c, out v),
            o => ((CpuQuantity)o).Millicores, "0m", "1024", $"^{NumberPattern}m?$", "500m"),
        new(typeof(Percentage), (string t, out object? v, out string e) => Wrap(Percentage.TryParse(t, out var p, out e), p, out v),
            o => ((Percentage)o).Fraction, "0%", "100%", $"^{NumberPattern}%$", "10%"),
        new(typeof(ByteSize), (string t, out object? v, out string e) => Wrap(ByteSize.TryParse(t, out var b, out e), b, out v),
            o => ((ByteSize)o).Bytes, "0", "1Ti", $"^{NumberPattern}(k|M|G|T|Ki|Mi|Gi|Ti)?$", "10Mi"),
        new(typeof(int), (string t, out object? v, out string e) => Integer(t, int.MinValue, int.MaxValue, out v, out e, x => (int)x),
            o => (int)o, "0", "1000000", null, "3"),
        new(typeof(long), (string t, out object? v, out string e) => Integer(t, long.MinValue, long.MaxValue, out v, out e, x => x),
            o => (long)o, "0", "9223372036854775807", null, "42"),
        new(typeof(double), Real, o => (double)o, "-1e300", "1e300", null, "1.5"),
        new(typeof(bool), Boolean, o => (bool)o ? 1 : 0, "0", "1", null, "true"),
        new(typeof(string), (string t, out object? v, out string e) => { v = t; e = ""; return true; },
            _ => 0, "", "", null, "name"),
    }.ToDictionary(k => k.Type);

    public static ScalarKind? For(Type type) => ByType.GetValueOrDefault(type);

    private static bool Wrap<T>(bool ok, T parsed, out object? value)
    {
        value = ok ? parsed : null;
        return ok;
    }

    private static bool Integer<T>(string text, long min, long max, out object? value, out string error, Func<long, T> convert)
    {
        value = null;
        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            value = convert(n);
            error = "";
            return true;
        }
        error = $"'{text}' is not a whole number";
        return false;
    }

    private static bool Real(string text, out object? value, out string error)
    {
        value = null;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d))
        {
            value = d;
            error = "";
            return true;
        }
        error = $"'{text}' is not a number";
        return false;
    }

    private static bool Boolean(string text, out object? value, out string error)
    {
        // YAML 1.2 core schema booleans only: "yes"/"on" are strings there, and a guess would hide typos.
        value = text switch
        {
            "true" or "True" or "TRUE" => true,
            "false" or "False" or "FALSE" => false,
            _ => null,
        };
        error = value is null ? $"'{text}' is not a boolean; write true or false" : "";
        return value is not null;
    }
}

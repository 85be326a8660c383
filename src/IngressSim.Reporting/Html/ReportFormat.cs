using System.Globalization;
using IngressSim.Engine.Time;

namespace IngressSim.Reporting.Html;

/// <summary>How the report writes numbers and times: invariant culture, so the same folder gives the same bytes anywhere.</summary>
internal static class ReportFormat
{
    public static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>As the terminal table writes them (three significant digits), with the unit; a dash where undefined.</summary>
    public static string Ms(double? value) => value is { } ms && !double.IsNaN(ms) ? SummaryTable.Format(ms) + " ms" : "–";

    public static string Seconds(double? value) => value is { } s && !double.IsNaN(s) ? SummaryTable.Format(s) + " s" : "–";

    public static string Percent(double? fraction, string format = "0.0%") =>
        fraction is { } f && double.IsFinite(f) ? f.ToString(format, CultureInfo.InvariantCulture) : "–";

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    public static string Money(double value) => value.ToString("N2", CultureInfo.InvariantCulture);

    /// <summary>Simulated time since the start as a stopwatch shows it: 15:30, 1:02:03.</summary>
    public static string Clock(double seconds)
    {
        long whole = (long)Math.Round(seconds, MidpointRounding.AwayFromZero);
        return whole >= 3600
            ? string.Create(CultureInfo.InvariantCulture, $"{whole / 3600}:{whole / 60 % 60:00}:{whole % 60:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{whole / 60}:{whole % 60:00}");
    }

    /// <summary>A phase's bounds as the scenario writes them: 0s–10m.</summary>
    public static string Span(double start, double end) =>
        $"{Duration.FromSecondsRounded(start)}–{Duration.FromSecondsRounded(end)}";
}

using System.Globalization;
using IngressSim.Model.Metrics;
using ScottPlot;

namespace IngressSim.Reporting.Plots;

/// <summary>What every plot shares: size, font, colours per status and percentile, axis formatting, PNG output.</summary>
internal static class PlotStyle
{
    public const int Width = 1200;
    public const int Height = 600;

    public static readonly Color P50 = Colors.SteelBlue;
    public static readonly Color P95 = Colors.DarkOrange;
    public static readonly Color P99 = Colors.Crimson;
    public static readonly Color Reload = Colors.Purple;

    // One fixed colour per status so the same status looks the same in every plot and run.
    private static readonly Color[] StatusColors =
    [
        Colors.SeaGreen, Colors.SlateGray, Colors.GoldenRod, Colors.Maroon, Colors.OrangeRed,
        Colors.DarkOrange, Colors.Crimson, Colors.MediumVioletRed, Colors.RoyalBlue, Colors.Teal,
    ];

    // Alerts in warm colours apart from the percentile lines; critical ones start from red.
    private static readonly Color[] WarningAlertColors = [Colors.GoldenRod, Colors.Chocolate, Colors.Olive, Colors.Peru];
    private static readonly Color[] CriticalAlertColors = [Colors.Red, Colors.DeepPink, Colors.FireBrick, Colors.Magenta];

    public static Color ForAlert(bool critical, int index) =>
        critical ? CriticalAlertColors[index % CriticalAlertColors.Length] : WarningAlertColors[index % WarningAlertColors.Length];

    private static readonly Color[] PhaseFills = [Colors.Gray.WithAlpha(.10), Colors.SteelBlue.WithAlpha(.10)];

    public static Color ForStatus(ResponseStatus status) => StatusColors[(int)status];

    public static Color PhaseFill(int phaseIndex) => PhaseFills[phaseIndex % PhaseFills.Length];

    public static Plot NewPlot(string title)
    {
        PlotFonts.EnsureRegistered();
        var plot = new Plot();
        plot.Font.Set(PlotFonts.Family);
        plot.Title(title);
        return plot;
    }

    /// <summary>Applies the font again after plottables were added (their labels copy the default at creation).</summary>
    public static byte[] Png(Plot plot)
    {
        plot.Font.Set(PlotFonts.Family);
        return plot.GetImage(Width, Height).GetImageBytes(ImageFormat.Png);
    }

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Numbers on a linear axis in invariant culture, so a plot is the same under de-DE and en-US.</summary>
    public static void InvariantLinearTicks(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Number };

    /// <summary>
    /// A log10 axis: data are plotted as log10(value) (ScottPlot 5 has no native log scale), ticks at
    /// powers of ten labelled with the real value, minor ticks at 2..9.
    /// </summary>
    public static void LogTicks(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = exponent => Number(Math.Pow(10, exponent)),
        };
}

/// <summary>Simulated time on the x axis in a unit that keeps the numbers short: seconds, minutes or hours.</summary>
internal readonly record struct TimeAxis(string Unit, double SecondsPerUnit)
{
    public static TimeAxis For(double simulatedSeconds) => simulatedSeconds switch
    {
        <= 900 => new TimeAxis("s", 1),
        <= 4 * 3600 => new TimeAxis("min", 60),
        _ => new TimeAxis("h", 3600),
    };

    public double ToAxis(double seconds) => seconds / SecondsPerUnit;

    public string Label => $"Simulated time ({Unit})";
}

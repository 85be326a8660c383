using System.Globalization;
using IngressSim.Engine.Time;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Units;

namespace IngressSim.Scenarios.Traffic;

/// <summary>A piecewise-constant rate read from a CSV file: from each point's offset on, its rate applies.</summary>
public sealed record RateSeries(IReadOnlyList<RateSeries.Point> Points)
{
    public readonly record struct Point(Duration Offset, Rate Rate);

    /// <summary>
    /// Parses <c>time,rate</c> rows (a header row is recognised by a non-numeric time cell). Time: a
    /// duration (<c>90s</c>) or seconds, made relative to the first row (so unix timestamps work);
    /// rate: a rate (<c>120/s</c>) or a number per second. Rows must be in time order. Every bad row is reported.
    /// </summary>
    public static RateSeries? Parse(string text, string file, string? column, DiagnosticBag diagnostics)
    {
        var lines = text.Split('\n');
        int rateIndex = 1;
        var points = new List<Point>();
        decimal? firstSeconds = null;
        int errorsBefore = diagnostics.Items.Count;
        for (int row = 0; row < lines.Length; row++)
        {
            var line = lines[row].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            var cells = line.Split(',').Select(c => c.Trim().Trim('"')).ToArray();
            var at = new SourceLocation(file, row + 1, 1);
            if (points.Count == 0 && firstSeconds is null && !IsTime(cells[0]))
            {
                if (column is not null)
                {
                    rateIndex = Array.IndexOf(cells, column);
                    if (rateIndex < 1)
                    {
                        diagnostics.Error(ScenarioCodes.RateSeries, $"no column '{column}' in the header", at,
                            $"columns are: {string.Join(", ", cells.Skip(1))}");
                        return null;
                    }
                }
                continue;
            }
            if (cells.Length <= rateIndex)
            {
                diagnostics.Error(ScenarioCodes.RateSeries, $"row has {cells.Length} cells, the rate is in column {rateIndex + 1}", at, "write time,rate");
                continue;
            }
            if (!TryTime(cells[0], out var seconds))
            {
                diagnostics.Error(ScenarioCodes.RateSeries, $"'{cells[0]}' is not a time", at, "write seconds or a duration such as 90s");
                continue;
            }
            firstSeconds ??= seconds;
            if (!TryRate(cells[rateIndex], out var rate) || rate.PerSecond < 0)
            {
                diagnostics.Error(ScenarioCodes.RateSeries, $"'{cells[rateIndex]}' is not a non-negative rate", new SourceLocation(file, row + 1, line.IndexOf(cells[rateIndex], StringComparison.Ordinal) + 1),
                    "write a number per second or e.g. 120/s");
                continue;
            }
            if (seconds - firstSeconds.Value is < 0 or > MaxSpanSeconds)
            {
                diagnostics.Error(ScenarioCodes.RateSeries, $"time {cells[0]} is not within 400 days after the first row", at, "sort the file and keep it to the simulated span");
                continue;
            }
            var offset = Duration.FromSecondsRounded((double)(seconds - firstSeconds.Value));
            if (points.Count > 0 && offset <= points[^1].Offset)
            {
                diagnostics.Error(ScenarioCodes.RateSeries, "rows are not in increasing time order", at, "sort the file by time");
                continue;
            }
            points.Add(new Point(offset, rate));
        }
        if (points.Count == 0 && diagnostics.Items.Count == errorsBefore)
            diagnostics.Error(ScenarioCodes.RateSeries, "the rate series has no rows", SourceLocation.InFile(file), "write time,rate rows");
        return diagnostics.Items.Count == errorsBefore ? new RateSeries(points) : null;
    }

    private const decimal MaxSpanSeconds = 400m * 86_400m;

    private static bool IsTime(string cell) => TryTime(cell, out _);

    private static bool TryTime(string cell, out decimal seconds)
    {
        if (decimal.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out seconds)) return true;
        if (Duration.TryParse(cell, out var d, out _) && !d.IsNegative)
        {
            seconds = d.Nanoseconds / (decimal)Duration.NanosPerSecond;
            return true;
        }
        return false;
    }

    private static bool TryRate(string cell, out Rate rate)
    {
        if (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var perSecond) && double.IsFinite(perSecond))
        {
            rate = new Rate(perSecond);
            return true;
        }
        return Rate.TryParse(cell, out rate, out _);
    }
}

using IngressSim.Model.Metrics;
using ScottPlot;

namespace IngressSim.Reporting.Plots;

/// <summary>
/// <c>status-codes-over-time.png</c>: two panels on one time axis — successful responses per second on
/// top, and below, per error status that occurred, responses per second on its own scale, so a handful
/// of 504s next to thousands of 2xx is still visible.
/// </summary>
public sealed class StatusCodesOverTimePlot : IResultExporter
{
    public string FileName => "status-codes-over-time.png";

    public void Export(RunResult result, Stream output) => output.Write(Render(result));

    public static byte[] Render(RunResult result)
    {
        var time = TimeAxis.For(result.SimulatedSeconds);
        double xMax = time.ToAxis(result.SimulatedSeconds);
        var x = result.Windows.Select(w => time.ToAxis((w.StartSeconds + w.EndSeconds) / 2)).ToArray();

        var success = PlotStyle.NewPlot($"Responses over time — {result.Run.Scenario} / {result.Run.Variant}");
        double successMax = AddRate(success, result, x, ResponseStatus.Ok2xx);
        LatencyOverTimePlot.ShadePhases(success, result, time, Math.Max(1, successMax) * 1.2);
        success.YLabel("2xx responses/s");
        Finish(success, xMax, Math.Max(1, successMax) * 1.2);

        var errors = PlotStyle.NewPlot("");
        double errorMax = 0;
        foreach (var status in ResponseStatuses.All.Where(s => s.IsError() && result.Statuses[s] > 0))
            errorMax = Math.Max(errorMax, AddRate(errors, result, x, status));
        if (errorMax == 0)
        {
            var none = errors.Add.Text("no errors", xMax / 2, 0.5);
            none.LabelAlignment = Alignment.MiddleCenter;
            none.LabelFontSize = 16;
            none.LabelFontColor = Colors.DimGray;
        }
        LatencyOverTimePlot.ShadePhases(errors, result, time, Math.Max(1, errorMax) * 1.4);
        errors.YLabel("Errors/s (by status)");
        errors.XLabel(time.Label);
        Finish(errors, xMax, Math.Max(1, errorMax) * 1.4);

        PlotFonts.EnsureRegistered();
        var multiplot = new Multiplot(success);
        multiplot.AddPlot(errors);
        multiplot.SharedAxes.ShareX([success, errors]);
        success.Font.Set(PlotFonts.Family);
        errors.Font.Set(PlotFonts.Family);
        return multiplot.Render(PlotStyle.Width, PlotStyle.Height + 200).GetImageBytes(ImageFormat.Png);
    }

    /// <returns>The largest rate drawn.</returns>
    private static double AddRate(Plot plot, RunResult result, double[] x, ResponseStatus status)
    {
        var rates = result.Windows.Select(w => w.Statuses[status] / (w.EndSeconds - w.StartSeconds)).ToArray();
        var line = plot.Add.ScatterLine(x, rates, PlotStyle.ForStatus(status));
        line.LineWidth = 2;
        line.LegendText = status == ResponseStatus.Ok2xx ? "2xx" : status.Label().Replace('_', ' ');
        return rates.DefaultIfEmpty(0).Max();
    }

    private static void Finish(Plot plot, double xMax, double yMax)
    {
        PlotStyle.InvariantLinearTicks(plot.Axes.Bottom);
        PlotStyle.InvariantLinearTicks(plot.Axes.Left);
        plot.Axes.SetLimits(0, xMax, 0, yMax);
        plot.ShowLegend(Alignment.UpperRight);
    }
}

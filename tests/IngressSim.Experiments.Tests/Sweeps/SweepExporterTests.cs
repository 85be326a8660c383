using System.Text.Json;
using IngressSim.Experiments.Sweeps;
using IngressSim.Reporting.Sweeps;
using IngressSim.Reporting.Tests;

namespace IngressSim.Experiments.Tests.Sweeps;

/// <summary>sweep.csv and sweep.json: a row per point and phase with mean and interval per metric, the same bytes under any culture.</summary>
public sealed class SweepExporterTests : IDisposable
{
    private readonly SmallSweep _sweep = new();

    public void Dispose() => _sweep.Dispose();

    private SweepResult Result()
    {
        var plan = SmallSweep.Plan();
        var folder = SweepFolder.Create(_sweep.Out("run"), plan);
        new SweepRunner(2).Run(plan, folder, SweepShard.All);
        return SweepAnalysis.Of(plan.Manifest, folder.ReadAllUnits());
    }

    [Fact]
    public void Csv_HasARowPerPointAndPhase_WithMeanAndHalfWidthPerMetric()
    {
        var result = Result();
        var lines = System.Text.Encoding.UTF8.GetString(SweepCsvExporter.Render(result)).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("point,rate,variant,phase,replications,p99_ms,p99_ms_ci95_halfwidth,error_rate,error_rate_ci95_halfwidth", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith("3,100/s,slow-shop,steady,2,", lines[4]);
        // The slow shop's p99 is well above base's at the same rate (common random numbers).
        double P99(int row) => double.Parse(lines[row].Split(',')[5], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(P99(2) > 1.3 * P99(1), $"{lines[1]}\n{lines[2]}");
    }

    [Fact]
    public void Json_AndCsv_AreTheSameBytesUnderGerman()
    {
        var result = Result();
        var csv = SweepCsvExporter.Render(result);
        var json = SweepJsonExporter.Render(result);

        Assert.Equal(csv, Cultures.With("de-DE", () => SweepCsvExporter.Render(result)));
        Assert.Equal(json, Cultures.With("de-DE", () => SweepJsonExporter.Render(result)));
        var point = JsonDocument.Parse(json).RootElement.GetProperty("points")[1];
        Assert.Equal("slow-shop", point.GetProperty("variant").GetString());
        Assert.Equal("50/s", point.GetProperty("parameters").GetProperty("rate").GetString());
        var p99 = point.GetProperty("phases")[0].GetProperty("p99Ms");
        Assert.Equal(2, p99.GetProperty("n").GetInt32());
        Assert.True(p99.GetProperty("lower").GetDouble() < p99.GetProperty("mean").GetDouble());
    }
}

using System.Globalization;
using System.Text;
using CsvHelper;
using IngressSim.Experiments.Sweeps;
using IngressSim.Reporting.Comparison;

namespace IngressSim.Reporting.Sweeps;

/// <summary>
/// <c>sweep.csv</c>: one row per point and reported phase — the point's swept values and variant, then
/// each metric's mean and the half-width of its 95 % interval. Invariant culture, '\n' line ends, an
/// undefined value is an empty cell (the comparison CSV's conventions).
/// </summary>
public static class SweepCsvExporter
{
    public const string FileName = "sweep.csv";

    public static byte[] Render(SweepResult result)
    {
        var manifest = result.Manifest;
        using var output = new MemoryStream();
        using (var csv = new CsvWriter(new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)), ComparisonCsvExporter.Configuration))
        {
            csv.WriteField("point");
            foreach (var dimension in manifest.Dimensions) csv.WriteField(dimension.Name);
            csv.WriteField("phase");
            csv.WriteField("replications");
            foreach (var metric in manifest.Metrics)
            {
                csv.WriteField(SweepMetricNames.Column(metric));
                csv.WriteField(SweepMetricNames.Column(metric) + "_ci95_halfwidth");
            }
            csv.NextRecord();
            foreach (var point in result.Points)
            {
                foreach (var phase in point.Phases)
                {
                    csv.WriteField(point.Index.ToString(CultureInfo.InvariantCulture));
                    for (int d = 0; d < manifest.Dimensions.Count; d++) csv.WriteField(manifest.Dimensions[d].Values[point.Coordinates[d]]);
                    csv.WriteField(phase.Name);
                    csv.WriteField(manifest.Replications.ToString(CultureInfo.InvariantCulture));
                    foreach (var estimate in phase.Metrics) ComparisonCsvExporter.WriteEstimate(csv, estimate);
                    csv.NextRecord();
                }
            }
        }
        return output.ToArray();
    }
}

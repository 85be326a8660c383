using IngressSim.Experiments.Comparison;

namespace IngressSim.Reporting.Comparison;

/// <summary>
/// Writes a comparison folder (default <c>results/&lt;scenario&gt;/compare/</c>) all or nothing, through a
/// <see cref="StagedDirectory"/>: a failed exporter leaves any previous comparison untouched.
/// </summary>
public static class ComparisonWriter
{
    /// <summary>Next to the runs' <c>results/&lt;scenario&gt;/&lt;variant&gt;/</c> folders; no variant is called "compare".</summary>
    public static string DefaultDirectory(string root, string scenario) => Path.Combine(root, scenario, "compare");

    /// <summary>comparison.json, comparison.csv and the two plots.</summary>
    public static IReadOnlyList<IComparisonExporter> StandardExporters { get; } =
        [new ComparisonJsonExporter(), new ComparisonCsvExporter(), new ComparisonP99OverTimePlot(), new ComparisonP99BarsPlot()];

    /// <returns>The folder written (absolute).</returns>
    public static string Write(string outputDirectory, ComparisonResult result, IReadOnlyList<IComparisonExporter>? exporters = null)
    {
        using var folder = new StagedDirectory(outputDirectory);
        foreach (var exporter in exporters ?? StandardExporters)
        {
            using var file = File.Create(Path.Combine(folder.Staging, exporter.FileName));
            exporter.Export(result, file);
        }
        folder.Publish();
        return folder.Target;
    }
}

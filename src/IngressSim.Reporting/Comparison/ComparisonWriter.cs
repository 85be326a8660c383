using IngressSim.Experiments.Comparison;
using IngressSim.Reporting.Html;

namespace IngressSim.Reporting.Comparison;

/// <summary>
/// Writes a comparison folder (default <c>results/&lt;scenario&gt;/compare/</c>) all or nothing, through a
/// <see cref="StagedDirectory"/>: a failed exporter leaves any previous comparison untouched. The HTML report, when asked
/// for, is made last from the staged files, so it is published with them or not at all.
/// </summary>
public static class ComparisonWriter
{
    /// <summary>Next to the runs' <c>results/&lt;scenario&gt;/&lt;variant&gt;/</c> folders; no variant is called "compare".</summary>
    public static string DefaultDirectory(string root, string scenario) => Path.Combine(root, scenario, "compare");

    /// <summary>comparison.json, comparison.csv and the two plots.</summary>
    public static IReadOnlyList<IComparisonExporter> StandardExporters { get; } =
        [new ComparisonJsonExporter(), new ComparisonCsvExporter(), new ComparisonP99OverTimePlot(), new ComparisonP99BarsPlot()];

    /// <param name="inputs">Files the comparison was made from (the scenario, its diagnostics).</param>
    /// <param name="report">Also write <see cref="HtmlReport.FileName"/>.</param>
    /// <returns>The folder written (absolute).</returns>
    public static string Write(string outputDirectory, ComparisonResult result, IReadOnlyList<IComparisonExporter>? exporters = null,
        IReadOnlyList<InputFile>? inputs = null, bool report = false)
    {
        using var folder = new StagedDirectory(outputDirectory);
        foreach (var input in inputs ?? []) File.WriteAllBytes(Path.Combine(folder.Staging, input.FileName), input.Content);
        foreach (var exporter in exporters ?? StandardExporters)
        {
            using var file = File.Create(Path.Combine(folder.Staging, exporter.FileName));
            exporter.Export(result, file);
        }
        if (report) HtmlReport.Write(folder.Staging, Path.Combine(folder.Staging, HtmlReport.FileName));
        folder.Publish();
        return folder.Target;
    }
}

using IngressSim.Experiments.Sweeps;

namespace IngressSim.Reporting.Sweeps;

/// <summary>
/// The report files of a finished sweep, in a fixed order: sweep.json, sweep.csv, then per reported phase
/// and metric its plot (and heatmap for a two-dimensional grid). Written into a sweep folder each file
/// atomically, or as a whole new folder for a merge, through a <see cref="StagedDirectory"/>.
/// </summary>
public static class SweepReport
{
    public static IEnumerable<(string FileName, byte[] Content)> Files(SweepResult result)
    {
        yield return (SweepJsonExporter.FileName, SweepJsonExporter.Render(result));
        yield return (SweepCsvExporter.FileName, SweepCsvExporter.Render(result));
        bool heatmap = SweepHeatmapPlot.Applies(result.Manifest);
        for (int phase = 0; phase < result.Manifest.Phases.Count; phase++)
        for (int metric = 0; metric < result.Manifest.Metrics.Count; metric++)
        {
            yield return (SweepMetricPlot.FileName(result, metric, phase), SweepMetricPlot.Render(result, metric, phase));
            if (heatmap) yield return (SweepHeatmapPlot.FileName(result, metric, phase), SweepHeatmapPlot.Render(result, metric, phase));
        }
    }

    /// <summary>Computes the report from the folder's unit files (never from results in memory: a resumed or merged sweep must match).</summary>
    public static SweepResult WriteInto(SweepFolder folder)
    {
        var result = SweepAnalysis.Of(folder.Manifest, folder.ReadAllUnits());
        foreach (var (name, content) in Files(result)) AtomicFile.Write(Path.Combine(folder.Path, name), content);
        return result;
    }

    /// <summary>
    /// Writes <paramref name="outputDirectory"/> as a single run of the merged sweep would have: manifest,
    /// unit files as they were, report. All or nothing: a failure leaves any previous folder untouched.
    /// </summary>
    /// <returns>The folder written (absolute) and the result it reports.</returns>
    public static (string Folder, SweepResult Result) WriteMerged(string outputDirectory, MergedSweep merged)
    {
        using var folder = new StagedDirectory(outputDirectory);
        File.WriteAllBytes(Path.Combine(folder.Staging, SweepManifest.FileName), merged.ManifestBytes);
        string units = Directory.CreateDirectory(Path.Combine(folder.Staging, SweepFolder.UnitsFolder)).FullName;
        for (int unit = 0; unit < merged.UnitBytes.Count; unit++)
            File.WriteAllBytes(Path.Combine(units, SweepFolder.UnitFileName(unit)), merged.UnitBytes[unit]);
        var result = merged.Analyse();
        foreach (var (name, content) in Files(result)) File.WriteAllBytes(Path.Combine(folder.Staging, name), content);
        folder.Publish();
        return (folder.Target, result);
    }
}

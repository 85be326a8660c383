using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Traffic;
using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Loading;

/// <summary>Reads the files a scenario refers to, relative to its folder, reporting each problem at the line that names the file.</summary>
internal sealed class ReferencedFiles(string directory, YamlLimits limits, DiagnosticBag diagnostics, SourceNode root)
{
    public string Resolve(string relative) => Path.GetFullPath(Path.Combine(directory, relative));

    public IReadOnlyDictionary<string, RateSeries> ReadRateSeries(ScenarioSpec spec)
    {
        var series = new Dictionary<string, RateSeries>(StringComparer.Ordinal);
        var profiles = spec.Traffic.Sources.Select(s => s.Rate)
            .Concat(spec.Timeline.Select(e => e.Deploys?.Rate ?? e.Traffic?.Rate).OfType<RateProfileSpec>());
        foreach (var csv in profiles.Select(p => p.Csv).OfType<CsvRateSpec>())
        {
            if (series.ContainsKey(csv.File)) continue;
            var at = LocationOfScalar(csv.File);
            var text = SourceFile.Read(Resolve(csv.File), limits, diagnostics, at);
            if (text is not null && RateSeries.Parse(text, Resolve(csv.File), csv.Column, diagnostics) is { } parsed)
                series[csv.File] = parsed;
        }
        return series;
    }

    public void CheckManifestFiles(IEnumerable<string> files)
    {
        foreach (var file in files.Where(f => !File.Exists(Resolve(f))))
            diagnostics.Error(ScenarioCodes.FileNotFound, $"manifest file not found: {file} (looked in {directory})", LocationOfScalar(file),
                "paths are relative to the scenario file's folder");
    }

    /// <summary>Where a file name was written: the first scalar with that text (file names are rarely repeated).</summary>
    private SourceLocation LocationOfScalar(string value) => Find(root, value)?.Location ?? root.Location;

    private static ScalarNode? Find(SourceNode node, string value) => node switch
    {
        ScalarNode s when s.Value == value => s,
        MappingNode m => m.Entries.Select(e => Find(e.Value, value)).FirstOrDefault(n => n is not null),
        SequenceNode q => q.Items.Select(i => Find(i, value)).FirstOrDefault(n => n is not null),
        _ => null,
    };
}

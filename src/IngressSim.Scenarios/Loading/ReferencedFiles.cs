using IngressSim.Kubernetes;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Manifests;
using IngressSim.Scenarios.Cluster;
using IngressSim.Scenarios.Traffic;
using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Loading;

/// <summary>
/// Reads what a bound scenario refers to — CSV rate series and Kubernetes manifests (files, the
/// inline block, fleets, controllers' IngressClasses) — relative to the scenario's folder, reporting
/// each problem at the line that names it.
/// </summary>
internal sealed class ReferencedFiles(string path, string text, YamlLimits limits, DiagnosticBag diagnostics, SourceNode root)
{
    private readonly string _directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";

    private string Resolve(string relative) => Path.GetFullPath(Path.Combine(_directory, relative));

    public IReadOnlyDictionary<string, RateSeries> ReadRateSeries(ScenarioSpec spec)
    {
        var series = new Dictionary<string, RateSeries>(StringComparer.Ordinal);
        var profiles = spec.Traffic.Sources.Select(s => s.Rate)
            .Concat(spec.Timeline.Select(e => e.Deploys?.Rate ?? e.Traffic?.Rate).OfType<RateProfileSpec>());
        foreach (var csv in profiles.Select(p => p.Csv).OfType<CsvRateSpec>())
        {
            if (series.ContainsKey(csv.File)) continue;
            var content = SourceFile.ReadReferenced(Resolve(csv.File), limits, diagnostics, LocationOfScalar(csv.File));
            if (content is not null && RateSeries.Parse(content, Resolve(csv.File), csv.Column, diagnostics) is { } parsed)
                series[csv.File] = parsed;
        }
        return series;
    }

    /// <summary>Every Kubernetes object of the scenario: manifest files in order, the inline block, fleets, then generated IngressClasses.</summary>
    public ManifestSet ReadManifests(ClusterSpec cluster)
    {
        var set = ManifestSet.Empty;
        foreach (var file in cluster.ManifestFiles)
        {
            var at = LocationOfScalar(file);
            if (SourceFile.ReadReferenced(Resolve(file), limits, diagnostics, at) is { } content)
                set = set.Concat(ManifestReader.ReadText(content, Resolve(file)));
        }
        if (cluster.Manifests is { } inline && root.At("spec.cluster.manifests") is ScalarNode block)
            set = set.Concat(ReadInline(inline, block));
        var generated = new List<KubernetesObject>();
        for (int i = 0; i < cluster.Fleets.Count; i++)
            generated.AddRange(FleetExpansion.Expand(cluster.Fleets[i], root.ItemAt("spec.cluster.fleets", i).Location));
        generated.AddRange(ControllerClasses.Missing(cluster.Controllers, set.Objects,
            i => root.ItemAt("spec.cluster.controllers", i).Location));
        set = set.Concat(new ManifestSet(generated, []));
        diagnostics.AddRange(set.Diagnostics);
        return set;
    }

    /// <summary>
    /// Reads the <c>manifests: |</c> block with positions mapped back into the scenario file: the
    /// content starts on the line after the indicator and is indented by the first content line's indentation.
    /// </summary>
    private ManifestSet ReadInline(string content, ScalarNode block)
    {
        if (block.IsPlain || !block.IsBlock)
            return ManifestReader.ReadText(content, path, block.Location.Line - 1, block.Location.Column - 1);
        var lines = text.Split('\n');
        int indent = lines.Skip(block.Location.Line).FirstOrDefault(l => l.Trim().Length > 0) is { } first
            ? first.Length - first.TrimStart(' ').Length
            : 0;
        return ManifestReader.ReadText(content, path, block.Location.Line, indent);
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

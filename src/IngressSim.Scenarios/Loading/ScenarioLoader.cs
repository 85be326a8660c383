using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Traffic;
using IngressSim.Scenarios.Variants;
using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Loading;

/// <summary>
/// Loads a scenario file: read the YAML tree (bounded), apply the chosen variant, substitute
/// parameters, bind to <see cref="ScenarioDocument"/>, then read the files it references. Never
/// throws for bad input: every problem found in the pass is returned as a located diagnostic.
/// </summary>
public static class ScenarioLoader
{
    public static ScenarioLoadResult Load(string path, ScenarioLoadOptions? options = null)
    {
        options ??= ScenarioLoadOptions.Default;
        var diagnostics = new DiagnosticBag();
        var text = SourceFile.ReadArgument(path, options.Limits, diagnostics);
        return text is null ? new ScenarioLoadResult(null, diagnostics.Items) : LoadText(text, path, options, diagnostics);
    }

    /// <summary>Loads scenario text as if read from <paramref name="path"/> (relative references resolve against its folder).</summary>
    public static ScenarioLoadResult LoadText(string text, string path, ScenarioLoadOptions? options = null) =>
        LoadText(text, path, options ?? ScenarioLoadOptions.Default, new DiagnosticBag());

    private static ScenarioLoadResult LoadText(string text, string path, ScenarioLoadOptions options, DiagnosticBag diagnostics)
    {
        var documents = YamlTreeReader.Read(text, path, diagnostics, options.Limits);
        if (diagnostics.HasErrors) return new ScenarioLoadResult(null, diagnostics.Items);
        if (documents.Count != 1)
        {
            diagnostics.Error(ScenarioCodes.NotAScenario,
                documents.Count == 0 ? "the file is empty" : $"a scenario file holds one document, this one has {documents.Count}",
                documents.Count == 0 ? SourceLocation.InFile(path) : documents[1].Location,
                "put Kubernetes manifests in their own file and list it under cluster.manifestFiles");
            return new ScenarioLoadResult(null, diagnostics.Items);
        }

        var root = documents[0];
        string variant = VariantOverlay.BaseVariant;
        IReadOnlyDictionary<string, string> parameters = new Dictionary<string, string>();
        if (root is MappingNode mapping && mapping["spec"] is MappingNode spec)
        {
            spec = ApplyVariant(spec, options.Variant, path, diagnostics, ref variant);
            (spec, parameters) = SubstituteParameters(spec, options.Parameters, path, diagnostics);
            root = mapping with { Entries = mapping.Entries.Select(e => e.Key.Value == "spec" ? e with { Value = spec } : e).ToList() };
        }
        else if (options.Variant is { } requested && requested != VariantOverlay.BaseVariant)
        {
            diagnostics.Error(ScenarioCodes.UnknownVariant, $"unknown variant '{requested}'", root.Location, "this file declares no variants");
        }

        var document = new SpecBinder(diagnostics).Bind<ScenarioDocument>(root);
        if (document is null || diagnostics.HasErrors) return new ScenarioLoadResult(null, diagnostics.Items);

        var references = new ReferencedFiles(path, text, options.Limits, diagnostics, root);
        var rateSeries = references.ReadRateSeries(document.Spec);
        var manifests = references.ReadManifests(document.Spec.Cluster);
        if (!diagnostics.HasErrors) TimelineReferences.Check(document.Spec.Timeline, manifests, root, diagnostics);
        if (diagnostics.HasErrors) return new ScenarioLoadResult(null, diagnostics.Items);

        return new ScenarioLoadResult(new LoadedScenario
        {
            Document = document,
            SourcePath = path,
            Tree = root,
            Variant = variant,
            Parameters = parameters,
            RateSeries = rateSeries,
            Manifests = manifests,
        }, diagnostics.Items);
    }

    private static MappingNode ApplyVariant(MappingNode spec, string? requested, string path, DiagnosticBag diagnostics, ref string variant)
    {
        if (requested is null || requested == VariantOverlay.BaseVariant) return spec;
        var variants = spec["variants"] as MappingNode;
        var names = variants?.Entries.Select(e => e.Key.Value).ToList() ?? [];
        if (variants?.Find(requested) is not { } entry)
        {
            diagnostics.Error(ScenarioCodes.UnknownVariant, $"unknown variant '{requested}'",
                variants?.Location ?? spec.Location,
                names.Count == 0 ? "this scenario declares no variants" : Suggestions.Hint(requested, names) + $" (variants: {VariantOverlay.BaseVariant}, {string.Join(", ", names)})");
            return spec;
        }
        variant = requested;
        // A malformed variant is reported by the binder (it binds every variant); here we only apply a well-formed one.
        return entry.Value is MappingNode { } body && body["set"] is MappingNode set ? VariantOverlay.Apply(spec, set, diagnostics) : spec;
    }

    private static (MappingNode Spec, IReadOnlyDictionary<string, string> Effective) SubstituteParameters(
        MappingNode spec, IReadOnlyDictionary<string, string> overrides, string path, DiagnosticBag diagnostics)
    {
        var values = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        var declared = spec["parameters"] as MappingNode;
        foreach (var entry in declared?.Entries ?? [])
            if (entry.Value is ScalarNode scalar)
                values[entry.Key.Value] = new ParameterValue(scalar.Value, $"parameter '{entry.Key.Value}' = '{scalar.Value}'");
        foreach (var (name, value) in overrides)
        {
            if (values.ContainsKey(name)) values[name] = new ParameterValue(value, $"--param {name}={value}");
            else
                diagnostics.Error(ScenarioCodes.UnknownParameterOverride, $"--param {name}: the scenario declares no parameter '{name}'",
                    declared?.Location ?? SourceLocation.InFile(path),
                    values.Count == 0 ? "declare it under spec.parameters first" : Suggestions.Hint(name, values.Keys.ToList()));
        }
        var substitution = new ParameterSubstitution(values, diagnostics);
        var entries = spec.Entries.Select(e => e.Key.Value == "parameters" ? e : e with { Value = substitution.Apply(e.Value) }).ToList();
        foreach (var entry in declared?.Entries ?? [])
            if (!substitution.Used.Contains(entry.Key.Value))
                diagnostics.Warning(ScenarioCodes.UnusedParameter, $"parameter '{entry.Key.Value}' is never referenced", entry.Key.Location,
                    $"reference it as ${{{entry.Key.Value}}} or remove it");
        return (spec with { Entries = entries }, values.ToDictionary(v => v.Key, v => v.Value.Text, StringComparer.Ordinal));
    }
}

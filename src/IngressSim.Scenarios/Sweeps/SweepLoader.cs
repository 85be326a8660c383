using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Variants;
using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Sweeps;

/// <summary>
/// Loads a sweep file with the scenario infrastructure (bounded YAML, binder with did-you-mean, located
/// diagnostics), then the scenario it names once per point, so a value the scenario rejects is reported
/// before anything runs. Never throws for bad input.
/// </summary>
public static class SweepLoader
{
    /// <param name="overrides">Command-line <c>--param</c> values: they replace the sweep's fixed values, never swept ones.</param>
    public static SweepLoadResult Load(string path, IReadOnlyDictionary<string, string>? overrides = null)
    {
        var diagnostics = new DiagnosticBag();
        var limits = YamlLimits.Default;
        var text = SourceFile.ReadArgument(path, limits, diagnostics);
        if (text is null) return Failed(diagnostics);
        var documents = YamlTreeReader.Read(text, path, diagnostics, limits);
        if (diagnostics.HasErrors) return Failed(diagnostics);
        if (documents.Count != 1)
        {
            diagnostics.Error(ScenarioCodes.NotAScenario,
                documents.Count == 0 ? "the file is empty" : $"a sweep file holds one document, this one has {documents.Count}",
                documents.Count == 0 ? SourceLocation.InFile(path) : documents[1].Location, "write one Sweep document per file");
            return Failed(diagnostics);
        }
        var root = documents[0];
        var document = new SpecBinder(diagnostics).Bind<SweepDocument>(root);
        if (document is null || diagnostics.HasErrors) return Failed(diagnostics);

        var spec = document.Spec;
        var scenarioNode = root.At("spec.scenario")!;
        string scenarioPath = Path.Combine(Path.GetDirectoryName(path) ?? "", spec.Scenario);
        if (!File.Exists(scenarioPath))
        {
            diagnostics.Error(ScenarioCodes.FileNotFound, $"scenario file not found: {scenarioPath}", scenarioNode.Location,
                "the path is relative to the sweep file's folder");
            return Failed(diagnostics);
        }

        var fixedValues = new Dictionary<string, string>(spec.Set, StringComparer.Ordinal);
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            if (spec.Parameters.Any(p => p.Name == name))
                diagnostics.Error(SweepCodes.SweptOverride, $"--param {name}: the sweep sweeps '{name}'", root.At("spec.parameters")!.Location,
                    "override only fixed values; edit the swept values in the sweep file");
            fixedValues[name] = value;
        }
        if (diagnostics.HasErrors) return Failed(diagnostics);

        // The scenario as written first: the names the sweep uses are checked against it, located in the sweep file.
        var declared = ScenarioLoader.Load(scenarioPath);
        if (declared.Scenario is not { } written)
        {
            diagnostics.AddRange(declared.Diagnostics);
            return Failed(diagnostics);
        }
        CheckNames(root, written, diagnostics);
        if (diagnostics.HasErrors) return Failed(diagnostics);

        var baseLoad = ScenarioLoader.Load(scenarioPath, new ScenarioLoadOptions { Parameters = fixedValues });
        diagnostics.AddRange(baseLoad.Diagnostics);
        if (baseLoad.Scenario is not { } @base) return Failed(diagnostics);
        var phases = ReportedPhases(root, spec, @base, diagnostics);
        if (diagnostics.HasErrors) return Failed(diagnostics);

        var dimensions = spec.Parameters.Select(p => new SweepDimension(p.Name, p.Values, false))
            .Append(new SweepDimension(SweepDimension.VariantName, spec.Variants, true)).ToArray();
        var points = LoadPoints(root, scenarioPath, fixedValues, dimensions, baseLoad.Diagnostics, diagnostics);
        if (diagnostics.HasErrors) return Failed(diagnostics);
        return new SweepLoadResult(new LoadedSweep
        {
            Document = document,
            SourcePath = path,
            ScenarioPath = scenarioPath,
            Base = @base,
            Fixed = fixedValues,
            Dimensions = dimensions,
            Points = points,
            Phases = phases,
        }, diagnostics.Items);
    }

    private static SweepLoadResult Failed(DiagnosticBag diagnostics) => new(null, diagnostics.Items);

    /// <summary>Every fixed and swept parameter and every variant must be one the scenario declares.</summary>
    private static void CheckNames(SourceNode root, LoadedScenario scenario, DiagnosticBag diagnostics)
    {
        var spec = root.At("spec")!;
        var declared = scenario.Parameters.Keys.ToList();
        if (spec.At("set") is MappingNode set)
            foreach (var key in set.Entries.Select(e => e.Key).Where(k => !declared.Contains(k.Value)))
                diagnostics.Error(SweepCodes.UnknownParameter, $"the scenario declares no parameter '{key.Value}'", key.Location,
                    declared.Count == 0 ? "declare it under the scenario's spec.parameters first" : Suggestions.Hint(key.Value, declared));
        var sweptParameters = spec.At("parameters") as SequenceNode;
        for (int i = 0; sweptParameters is not null && i < sweptParameters.Items.Count; i++)
        {
            var name = (ScalarNode)sweptParameters.Items[i].At("name")!;
            if (!declared.Contains(name.Value))
                diagnostics.Error(SweepCodes.UnknownParameter, $"the scenario declares no parameter '{name.Value}'", name.Location,
                    declared.Count == 0 ? "declare it under the scenario's spec.parameters first" : Suggestions.Hint(name.Value, declared));
        }
        var variants = scenario.Spec.Variants.Keys.Prepend(VariantOverlay.BaseVariant).ToList();
        if (spec.At("variants") is SequenceNode listed)
            foreach (var item in listed.Items.OfType<ScalarNode>().Where(v => !variants.Contains(v.Value)))
                diagnostics.Error(SweepCodes.UnknownVariant, $"the scenario declares no variant '{item.Value}'", item.Location,
                    Suggestions.Hint(item.Value, variants));
    }

    private static IReadOnlyList<string> ReportedPhases(SourceNode root, SweepSpec spec, LoadedScenario scenario, DiagnosticBag diagnostics)
    {
        var known = scenario.Spec.Phases.Select(p => p.Name).Append(SweepPhases.WholeRun).ToList();
        if (spec.Phases.Count == 0) return known;
        for (int i = 0; i < spec.Phases.Count; i++)
            if (!known.Contains(spec.Phases[i]))
                diagnostics.Error(SweepCodes.UnknownPhase, $"the scenario has no phase '{spec.Phases[i]}'", root.ItemAt("spec.phases", i).Location,
                    Suggestions.Hint(spec.Phases[i], known));
        return spec.Phases;
    }

    /// <summary>
    /// The grid's points in order, each scenario loaded with its values; a point that does not load is
    /// reported once at its first value, after the scenario's own (deduplicated) diagnostics.
    /// </summary>
    private static List<SweepPoint> LoadPoints(SourceNode root, string scenarioPath, IReadOnlyDictionary<string, string> fixedValues,
        IReadOnlyList<SweepDimension> dimensions, IReadOnlyList<Diagnostic> baseDiagnostics, DiagnosticBag diagnostics)
    {
        var points = new List<SweepPoint>();
        var reported = new HashSet<Diagnostic>(baseDiagnostics);
        for (int index = 0; index < SweepDimension.PointCount(dimensions); index++)
        {
            var coordinates = SweepDimension.CoordinatesOf(dimensions, index);
            var swept = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int d = 0; d < dimensions.Count - 1; d++) swept[dimensions[d].Name] = dimensions[d].Values[coordinates[d]];
            string variant = dimensions[^1].Values[coordinates[^1]];
            var values = new Dictionary<string, string>(fixedValues, StringComparer.Ordinal);
            foreach (var (name, value) in swept) values[name] = value;

            var load = ScenarioLoader.Load(scenarioPath, new ScenarioLoadOptions { Parameters = values, Variant = variant });
            if (load.Scenario is { } scenario)
            {
                points.Add(new SweepPoint(index, coordinates, swept, variant, scenario));
                continue;
            }
            var fresh = load.Diagnostics.Where(reported.Add).ToList();
            if (fresh.Count == 0) continue; // the same values failed at an earlier point, reported there
            diagnostics.AddRange(fresh);
            string described = string.Join(", ", swept.Select(p => $"{p.Key}={p.Value}").Append($"variant {variant}"));
            diagnostics.Error(SweepCodes.PointDoesNotLoad, $"point {index} ({described}): the scenario does not load with these values",
                FirstValueLocation(root, dimensions.Count, coordinates),
                "see the scenario's errors above; change the swept values");
        }
        return points;
    }

    /// <summary>Where the point's first value is written: its first swept parameter's value, else its variant.</summary>
    private static SourceLocation FirstValueLocation(SourceNode root, int dimensions, int[] coordinates)
    {
        var at = dimensions > 1
            ? root.ItemAt("spec.parameters", 0).ItemAt("values", coordinates[0])
            : root.At("spec.variants") is not null ? root.ItemAt("spec.variants", coordinates[^1]) : root.At("spec")!;
        return at.Location;
    }
}

using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Variants;

namespace IngressSim.Scenarios.Sweeps;

/// <summary>
/// A sweep file: <c>apiVersion: ingresssim.dev/v1alpha1</c>, <c>kind: Sweep</c>. It names a scenario and
/// the grid of its parameters and variants to run, each point with the same replications.
/// </summary>
public sealed record SweepDocument : IValidatable
{
    public const string SweepKind = "Sweep";

    public required string ApiVersion { get; init; }
    public required string Kind { get; init; }
    public required ScenarioMetadata Metadata { get; init; }
    public required SweepSpec Spec { get; init; }

    public void Validate(ValidationContext context)
    {
        if (ApiVersion != ScenarioDocument.ApiVersionV1Alpha1)
            context.Error("apiVersion", $"unsupported apiVersion '{ApiVersion}'", $"write apiVersion: {ScenarioDocument.ApiVersionV1Alpha1}");
        if (Kind != SweepKind)
            context.Error("kind", $"kind '{Kind}' is not a sweep", $"write kind: {SweepKind}");
    }
}

/// <summary>What to sweep: a scenario, the values of its parameters and variants, replications and metrics.</summary>
public sealed record SweepSpec : IValidatable
{
    /// <summary>Most values one parameter may take: a grid is a product, and it grows fast.</summary>
    public const int MaxValuesPerParameter = 100;

    /// <summary>Most swept parameters.</summary>
    public const int MaxParameters = 6;

    /// <summary>Most points (every combination of values and variants).</summary>
    public const int MaxPoints = 10_000;

    /// <summary>Most runs (points × replications): each is a whole simulation and a result file.</summary>
    public const int MaxUnits = 100_000;

    /// <summary>The scenario file, relative to the sweep file's folder.</summary>
    public required string Scenario { get; init; }

    /// <summary>Parameter values fixed for every point, as <c>--param name=value</c> gives them (e.g. a shorter duration).</summary>
    public IReadOnlyDictionary<string, string> Set { get; init; } = new Dictionary<string, string>();

    /// <summary>The swept parameters, in order: the first is the x axis of the plots.</summary>
    public IReadOnlyList<SweptParameterSpec> Parameters { get; init; } = [];

    /// <summary>The scenario's variants to run at every parameter point; <c>base</c> is the scenario without overlays (the default).</summary>
    public IReadOnlyList<string> Variants { get; init; } = [VariantOverlay.BaseVariant];

    /// <summary>Replications per point; replication i of every point uses the same seed (common random numbers).</summary>
    [Limits("1", "1000")] public int Replications { get; init; } = 5;

    /// <summary>What to report per point and phase, each as a mean with its 95 % interval over the replications.</summary>
    public IReadOnlyList<SweepMetric> Metrics { get; init; } = [SweepMetric.P50Ms, SweepMetric.P99Ms, SweepMetric.ErrorRate, SweepMetric.Reloads];

    /// <summary>The scenario's phases to report (<c>whole run</c> for the whole run); default: every phase, then the whole run.</summary>
    public IReadOnlyList<string> Phases { get; init; } = [];

    public void Validate(ValidationContext context)
    {
        ScenarioSpec.ReportDuplicates(context, "parameters", "swept parameters", Parameters.Select(p => p.Name));
        ScenarioSpec.ReportDuplicates(context, "variants", "variants", Variants);
        ScenarioSpec.ReportDuplicates(context, "metrics", "metrics", Metrics.Select(m => m.ToString()));
        ScenarioSpec.ReportDuplicates(context, "phases", "phases", Phases);
        for (int i = 0; i < Parameters.Count; i++)
            if (Set.ContainsKey(Parameters[i].Name))
                context.Error("parameters", $"parameter '{Parameters[i].Name}' is both set and swept", "remove it from set or from parameters", i);
        if (Parameters.Count > MaxParameters)
            context.Error("parameters", $"{Parameters.Count} swept parameters, over the limit of {MaxParameters}", "sweep fewer at once: fix the others under set");
        if (Variants.Count == 0) context.Error("variants", "no variants", $"list at least {VariantOverlay.BaseVariant}");
        if (Metrics.Count == 0) context.Error("metrics", "no metrics", "list at least one, e.g. p99Ms");
        // long: a product of limits can overflow an int before it is compared with one.
        long points = Parameters.Aggregate((long)Variants.Count, (product, p) => product * p.Values.Count);
        if (points > MaxPoints)
            context.Error("parameters", $"the grid has {points:N0} points, over the limit of {MaxPoints:N0}", "sweep fewer values or split the sweep");
        else if (points * Replications > MaxUnits)
            context.Error("replications", $"{points:N0} points × {Replications} replications = {points * Replications:N0} runs, over the limit of {MaxUnits:N0}",
                "lower replications or sweep fewer values");
    }
}

/// <summary>One swept parameter: a parameter the scenario declares, and the values it takes, in order.</summary>
public sealed record SweptParameterSpec : IValidatable
{
    public required string Name { get; init; }
    public required IReadOnlyList<string> Values { get; init; }

    public void Validate(ValidationContext context)
    {
        if (Values.Count == 0) context.Error("values", $"parameter '{Name}' has no values", "list at least one value");
        if (Values.Count > SweepSpec.MaxValuesPerParameter)
            context.Error("values", $"parameter '{Name}' has {Values.Count} values, over the limit of {SweepSpec.MaxValuesPerParameter}", "sweep fewer values");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < Values.Count; i++)
            if (!seen.Add(Values[i])) context.Error("values", $"parameter '{Name}' lists '{Values[i]}' twice", "list each value once", i);
    }
}

/// <summary>A figure of one phase of one run that a sweep averages over replications.</summary>
public enum SweepMetric
{
    Requests,
    /// <summary>Share of responses that were not 2xx (client timeouts and resets included).</summary>
    ErrorRate,
    /// <summary>Requests the client gave up waiting for.</summary>
    ClientTimeouts,
    MeanMs,
    P50Ms,
    P95Ms,
    P99Ms,
    P999Ms,
    Reloads,
}

using IngressSim.Scenarios.Loading;

namespace IngressSim.Scenarios.Sweeps;

/// <summary>
/// A sweep whose every point loaded: the document, the scenario as it is without swept values
/// (<see cref="Base"/>, whose seed every point shares), the grid's dimensions and its points in order.
/// </summary>
public sealed record LoadedSweep
{
    public required SweepDocument Document { get; init; }
    public required string SourcePath { get; init; }

    /// <summary>The scenario file, resolved against the sweep file's folder.</summary>
    public required string ScenarioPath { get; init; }

    /// <summary>The scenario with the fixed values only (variant base).</summary>
    public required LoadedScenario Base { get; init; }

    /// <summary>Fixed parameter values: the sweep's <c>set</c>, then command-line overrides.</summary>
    public required IReadOnlyDictionary<string, string> Fixed { get; init; }

    public required IReadOnlyList<SweepDimension> Dimensions { get; init; }
    public required IReadOnlyList<SweepPoint> Points { get; init; }

    /// <summary>Phases reported per point, in order; <see cref="SweepPhases.WholeRun"/> is the whole run.</summary>
    public required IReadOnlyList<string> Phases { get; init; }

    public SweepSpec Spec => Document.Spec;
    public string Name => Document.Metadata.Name;
}

/// <summary>An axis of the grid: a swept parameter with its values, or the variants (<see cref="IsVariant"/>, always last).</summary>
public sealed record SweepDimension(string Name, IReadOnlyList<string> Values, bool IsVariant)
{
    /// <summary>The name of the variants' dimension (a column of sweep.csv).</summary>
    public const string VariantName = "variant";

    public static int PointCount(IReadOnlyList<SweepDimension> dimensions) => dimensions.Aggregate(1, (product, d) => product * d.Values.Count);

    /// <summary>Point <paramref name="index"/>'s value index on each dimension: the last varies fastest, as nested loops would.</summary>
    public static int[] CoordinatesOf(IReadOnlyList<SweepDimension> dimensions, int index)
    {
        var coordinates = new int[dimensions.Count];
        for (int d = dimensions.Count - 1; d >= 0; d--)
        {
            coordinates[d] = index % dimensions[d].Values.Count;
            index /= dimensions[d].Values.Count;
        }
        return coordinates;
    }
}

/// <summary>One combination of values: <see cref="Coordinates"/> holds the index of its value on each dimension.</summary>
public sealed record SweepPoint(int Index, IReadOnlyList<int> Coordinates, IReadOnlyDictionary<string, string> Parameters, string Variant, LoadedScenario Scenario);

public sealed record SweepLoadResult(LoadedSweep? Sweep, IReadOnlyList<Kubernetes.Diagnostics.Diagnostic> Diagnostics);

public static class SweepPhases
{
    /// <summary>The whole run, as the run summary and compare name it.</summary>
    public const string WholeRun = "whole run";
}

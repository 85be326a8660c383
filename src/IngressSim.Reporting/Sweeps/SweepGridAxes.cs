using IngressSim.Experiments.Sweeps;
using IngressSim.Scenarios.Sweeps;

namespace IngressSim.Reporting.Sweeps;

/// <summary>
/// How a grid is laid out on a plot: the x axis is the first dimension with more than one value (the
/// first swept parameter, normally), and every combination of the other varying dimensions is a series.
/// </summary>
internal sealed record SweepGridAxes(int XDimension, IReadOnlyList<int> SeriesDimensions)
{
    public static SweepGridAxes Of(SweepManifest manifest)
    {
        var varying = Enumerable.Range(0, manifest.Dimensions.Count).Where(d => manifest.Dimensions[d].Values.Count > 1).ToList();
        int x = varying.Count > 0 ? varying[0] : 0;
        return new SweepGridAxes(x, varying.Where(d => d != x).ToArray());
    }

    /// <summary>The points of each series in x order, labelled by the series dimensions' values ("variant=contour").</summary>
    public IReadOnlyList<(string Label, IReadOnlyList<PointResult> Points)> Series(SweepResult result)
    {
        var dimensions = result.Manifest.Dimensions;
        return result.Points
            .GroupBy(p => string.Join(", ", SeriesDimensions.Select(d => $"{dimensions[d].Name}={dimensions[d].Values[p.Coordinates[d]]}")))
            .Select(g => (g.Key, (IReadOnlyList<PointResult>)g.OrderBy(p => p.Coordinates[XDimension]).ToArray()))
            .ToArray();
    }

    public SweepDimension X(SweepManifest manifest) => manifest.Dimensions[XDimension];
}

using IngressSim.Experiments.Comparison;

namespace IngressSim.Reporting.Comparison;

/// <summary>Writes one file of a comparison's folder from the one immutable <see cref="ComparisonResult"/>.</summary>
public interface IComparisonExporter
{
    /// <summary>The file name inside the comparison folder, e.g. <c>comparison.json</c>.</summary>
    string FileName { get; }

    void Export(ComparisonResult result, Stream output);
}

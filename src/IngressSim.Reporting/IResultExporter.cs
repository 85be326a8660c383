using IngressSim.Model.Metrics;

namespace IngressSim.Reporting;

/// <summary>
/// Writes one file of a run's results from the one immutable <see cref="RunResult"/> (after
/// BenchmarkDotNet's IExporter: one result model, many exporters).
/// </summary>
public interface IResultExporter
{
    /// <summary>The file name inside the results folder, e.g. <c>summary.json</c>.</summary>
    string FileName { get; }

    void Export(RunResult result, Stream output);
}

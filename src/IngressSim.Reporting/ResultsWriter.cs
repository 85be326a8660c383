using IngressSim.Model.Metrics;
using IngressSim.Reporting.Narrative;
using IngressSim.Reporting.Plots;

namespace IngressSim.Reporting;

/// <summary>
/// Writes a run's results folder (default <c>results/&lt;scenario&gt;/&lt;variant&gt;/</c>) all or nothing
/// (issue 4) through a <see cref="StagedDirectory"/>: everything goes to a hidden sibling folder —
/// <c>timeseries.csv</c> streamed during the run through <see cref="Timeseries"/>, the exporters' files at
/// <see cref="Complete"/> — which is renamed into place only when complete, replacing a previous result. Disposing without completing (the run failed)
/// deletes the partial folder and leaves any previous result untouched.
/// </summary>
public sealed class ResultsWriter : IDisposable
{
    private readonly StagedDirectory _folder;
    private readonly IReadOnlyList<IResultExporter> _exporters;
    private readonly TimeseriesCsvWriter _timeseries;
    private bool _finished;

    /// <param name="outputDirectory">The final results folder.</param>
    /// <param name="exporters">The files to write at completion; <see cref="StandardExporters"/> when null.</param>
    public ResultsWriter(string outputDirectory, IReadOnlyList<IResultExporter>? exporters = null)
    {
        _folder = new StagedDirectory(outputDirectory);
        _exporters = exporters ?? StandardExporters();
        _timeseries = new TimeseriesCsvWriter(File.Create(Path.Combine(_folder.Staging, TimeseriesCsvWriter.FileName)));
    }

    /// <summary>The default folder of a run: <c>&lt;root&gt;/&lt;scenario&gt;/&lt;variant&gt;</c>.</summary>
    public static string DefaultDirectory(string root, RunIdentity run) => Path.Combine(root, run.Scenario, run.Variant);

    /// <summary>summary.json, the three plots, the narrated timeline and the full event log.</summary>
    public static IReadOnlyList<IResultExporter> StandardExporters(bool deterministic = false) =>
        [new SummaryJsonExporter(deterministic), new LatencyOverTimePlot(), new StatusCodesOverTimePlot(), new LatencyCdfPlot(),
            new NarrativeJsonExporter(), new TimelineJsonExporter()];

    public string OutputDirectory => _folder.Target;

    /// <summary>The recorder's window sink: streams <c>timeseries.csv</c> into the staging folder.</summary>
    public IWindowSink Timeseries => _timeseries;

    /// <summary>Writes every exporter's file, then moves the folder into place (replacing an older result).</summary>
    public void Complete(RunResult result)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            _timeseries.Dispose();
            foreach (var exporter in _exporters)
            {
                using var file = File.Create(Path.Combine(_folder.Staging, exporter.FileName));
                exporter.Export(result, file);
            }
            _folder.Publish();
        }
        catch
        {
            Dispose();
            throw;
        }
        _finished = true;
    }

    /// <summary>Without <see cref="Complete"/>: discards the partial results.</summary>
    public void Dispose()
    {
        if (_finished) return;
        _finished = true;
        _timeseries.Dispose();
        _folder.Dispose();
    }
}

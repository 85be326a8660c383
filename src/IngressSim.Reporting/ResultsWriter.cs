using IngressSim.Model.Metrics;
using IngressSim.Reporting.Plots;

namespace IngressSim.Reporting;

/// <summary>
/// Writes a run's results folder (default <c>results/&lt;scenario&gt;/&lt;variant&gt;/</c>) all or nothing
/// (issue 4): everything goes to a hidden sibling folder — <c>timeseries.csv</c> streamed during the run
/// through <see cref="Timeseries"/>, the exporters' files at <see cref="Complete"/> — which is renamed into
/// place only when complete, replacing a previous result. Disposing without completing (the run failed)
/// deletes the partial folder and leaves any previous result untouched.
/// </summary>
public sealed class ResultsWriter : IDisposable
{
    private readonly string _target;
    private readonly string _staging;
    private readonly IReadOnlyList<IResultExporter> _exporters;
    private readonly TimeseriesCsvWriter _timeseries;
    private bool _finished;

    /// <param name="outputDirectory">The final results folder.</param>
    /// <param name="exporters">The files to write at completion; <see cref="StandardExporters"/> when null.</param>
    public ResultsWriter(string outputDirectory, IReadOnlyList<IResultExporter>? exporters = null)
    {
        _target = Path.GetFullPath(outputDirectory);
        string parent = Path.GetDirectoryName(_target) ?? throw new ArgumentException("the results folder cannot be a root", nameof(outputDirectory));
        Directory.CreateDirectory(parent);
        // A sibling, so the final rename stays on one file system (an atomic rename, not a copy).
        _staging = Path.Combine(parent, $".{Path.GetFileName(_target)}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_staging);
        _exporters = exporters ?? StandardExporters();
        _timeseries = new TimeseriesCsvWriter(File.Create(Path.Combine(_staging, TimeseriesCsvWriter.FileName)));
    }

    /// <summary>The default folder of a run: <c>&lt;root&gt;/&lt;scenario&gt;/&lt;variant&gt;</c>.</summary>
    public static string DefaultDirectory(string root, RunIdentity run) => Path.Combine(root, run.Scenario, run.Variant);

    /// <summary>summary.json and the three plots.</summary>
    public static IReadOnlyList<IResultExporter> StandardExporters(bool deterministic = false) =>
        [new SummaryJsonExporter(deterministic), new LatencyOverTimePlot(), new StatusCodesOverTimePlot(), new LatencyCdfPlot()];

    public string OutputDirectory => _target;

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
                using var file = File.Create(Path.Combine(_staging, exporter.FileName));
                exporter.Export(result, file);
            }
            Publish();
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
        if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
    }

    private void Publish()
    {
        if (!Directory.Exists(_target))
        {
            Directory.Move(_staging, _target);
            return;
        }
        // Two renames and a delete: the old result is only removed once the new one is in place.
        string old = Path.Combine(Path.GetDirectoryName(_target)!, $".{Path.GetFileName(_target)}.old-{Guid.NewGuid():N}");
        Directory.Move(_target, old);
        Directory.Move(_staging, _target);
        Directory.Delete(old, recursive: true);
    }
}

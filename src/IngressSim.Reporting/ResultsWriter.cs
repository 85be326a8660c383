using IngressSim.Model.Metrics;
using IngressSim.Reporting.Html;
using IngressSim.Reporting.OpenMetrics;
using IngressSim.Reporting.Narrative;
using IngressSim.Reporting.Plots;

namespace IngressSim.Reporting;

/// <summary>
/// Writes a run's results folder (default <c>results/&lt;scenario&gt;/&lt;variant&gt;/</c>) all or nothing
/// (issue 4) through a <see cref="StagedDirectory"/>: everything goes to a hidden sibling folder —
/// <c>timeseries.csv</c> streamed during the run through <see cref="Timeseries"/>, the exporters' files at
/// <see cref="Complete"/>, then the HTML report when asked for (it reads those files) — which is renamed into place only when
/// complete, replacing a previous result. Disposing without completing (the run failed) deletes the partial folder and
/// leaves any previous result untouched.
/// </summary>
public sealed class ResultsWriter : IDisposable
{
    private readonly StagedDirectory _folder;
    private readonly IReadOnlyList<IResultExporter> _exporters;
    private readonly TimeseriesCsvWriter _timeseries;
    private readonly bool _report;
    private readonly OpenMetricsWriter? _openMetrics;
    private readonly FileStream? _openMetricsFile;
    private bool _finished;

    /// <param name="outputDirectory">The final results folder.</param>
    /// <param name="exporters">The files to write at completion; <see cref="StandardExporters"/> when null.</param>
    /// <param name="inputs">Files the run was made from (the scenario, its diagnostics), written now into the staged folder.</param>
    /// <param name="report">Also write <see cref="HtmlReport.FileName"/>, from the finished folder's files.</param>
    /// <param name="openMetrics">Also write <c>metrics.om</c> for these series, simulated time 0 at this Unix time.</param>
    public ResultsWriter(string outputDirectory, IReadOnlyList<IResultExporter>? exporters = null, IReadOnlyList<InputFile>? inputs = null, bool report = false,
        (IReadOnlyList<string> Series, double StartUnixSeconds)? openMetrics = null)
    {
        _folder = new StagedDirectory(outputDirectory);
        _exporters = exporters ?? StandardExporters();
        _report = report;
        try
        {
            foreach (var input in inputs ?? []) File.WriteAllBytes(Path.Combine(_folder.Staging, input.FileName), input.Content);
            _timeseries = new TimeseriesCsvWriter(File.Create(Path.Combine(_folder.Staging, TimeseriesCsvWriter.FileName)));
            if (openMetrics is { } om)
            {
                _openMetricsFile = File.Create(Path.Combine(_folder.Staging, OpenMetricsWriter.FileName));
                _openMetrics = new OpenMetricsWriter(_openMetricsFile, om.Series, _folder.Staging, om.StartUnixSeconds);
                Timeseries = new WindowFanOut(_timeseries, _openMetrics);
            }
            else Timeseries = _timeseries;
        }
        catch
        {
            _folder.Dispose();
            throw;
        }
    }

    /// <summary>The default folder of a run: <c>&lt;root&gt;/&lt;scenario&gt;/&lt;variant&gt;</c>.</summary>
    public static string DefaultDirectory(string root, RunIdentity run) => Path.Combine(root, run.Scenario, run.Variant);

    /// <summary>summary.json, breakdown.csv, the four plots, the narrated timeline and the full event log.</summary>
    public static IReadOnlyList<IResultExporter> StandardExporters(bool deterministic = false) =>
        [new SummaryJsonExporter(deterministic), new LatencyBreakdownCsvExporter(), new LatencyOverTimePlot(), new StatusCodesOverTimePlot(), new LatencyCdfPlot(),
            new LatencyBreakdownPlot(), new NarrativeJsonExporter(), new TimelineJsonExporter()];

    public string OutputDirectory => _folder.Target;

    /// <summary>The recorder's window sink: streams <c>timeseries.csv</c> (and the scratch of <c>metrics.om</c>) into the staging folder.</summary>
    public IWindowSink Timeseries { get; }

    /// <summary>Writes every exporter's file, then moves the folder into place (replacing an older result).</summary>
    public void Complete(RunResult result)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        try
        {
            _timeseries.Dispose();
            if (_openMetrics is not null)
            {
                _openMetrics.Complete(result);
                _openMetrics.Dispose();
                _openMetricsFile!.Dispose();
            }
            foreach (var exporter in _exporters)
            {
                using var file = File.Create(Path.Combine(_folder.Staging, exporter.FileName));
                exporter.Export(result, file);
            }
            if (_report) HtmlReport.Write(_folder.Staging, Path.Combine(_folder.Staging, HtmlReport.FileName));
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
        _openMetrics?.Dispose();
        _openMetricsFile?.Dispose();
        _folder.Dispose();
    }
}

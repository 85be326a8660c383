using System.CommandLine;
using IngressSim.Model.Metrics;
using IngressSim.Model.Running;
using IngressSim.Reporting;
using IngressSim.Scenarios.Loading;

namespace IngressSim.Cli;

/// <summary>
/// How commands that simulate one run into a results folder (<c>run</c>, <c>replay</c>) take
/// <c>--out</c>, <c>--seed</c>, <c>--report</c> and <c>--openmetrics</c>, open the folder (with the
/// scenario and its diagnostics), and finish: the folder completed all or nothing, the summary table,
/// and where the results are.
/// </summary>
public sealed class RunOutput
{
    public Option<string?> Out { get; } = new("--out") { Description = "results folder (default: results/<scenario>/<variant>/)", HelpName = "DIR" };

    public Option<ulong?> Seed { get; } = new("--seed") { Description = "override the scenario's seed" };

    public Option<bool> Report { get; } = Commands.ReportCommand.ReportOption();

    public Option<bool> OpenMetrics { get; } = new("--openmetrics")
    {
        Description = "also write metrics.om: the per-window metrics as OpenMetrics text (promtool tsdb create-blocks-from openmetrics)",
    };

    public Option<long> OpenMetricsStart { get; } = new("--openmetrics-start")
    {
        Description = "Unix time (seconds) that simulated time 0 maps to in metrics.om (default 0)", HelpName = "UNIX_SECONDS",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Out);
        command.Options.Add(Seed);
        command.Options.Add(Report);
        command.Options.Add(OpenMetrics);
        command.Options.Add(OpenMetricsStart);
    }

    /// <summary>The run (not started) and its results folder's writer (nothing is published until <see cref="Complete"/>).</summary>
    /// <param name="load">A load that succeeded: its scenario and diagnostics go into the folder.</param>
    public (ScenarioRun Run, ResultsWriter Writer) Open(ParseResult parse, ScenarioLoadResult load)
    {
        var scenario = load.Scenario ?? throw new ArgumentException("the scenario did not load", nameof(load));
        var run = new ScenarioRun(scenario, parse.GetValue(Seed));
        string folder = parse.GetValue(Out) ?? ResultsWriter.DefaultDirectory("results", run.Identity);
        var writer = new ResultsWriter(folder, inputs: ResultInputs.Of(scenario, load.Diagnostics), report: parse.GetValue(Report),
            openMetrics: parse.GetValue(OpenMetrics) ? (run.Cluster.SeriesNames, parse.GetValue(OpenMetricsStart)) : null);
        return (run, writer);
    }

    public static void Complete(ResultsWriter writer, RunResult result)
    {
        writer.Complete(result);
        SummaryTableView.Print(result);
        Console.Out.WriteLine($"Results: {writer.OutputDirectory}");
    }
}

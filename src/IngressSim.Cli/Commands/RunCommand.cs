using System.CommandLine;
using IngressSim.Model.Metrics;
using IngressSim.Model.Running;
using IngressSim.Reporting;
using Spectre.Console;

namespace IngressSim.Cli.Commands;

/// <summary><c>ingress-sim run [SCENARIO]</c>: one simulation of one variant into a results folder, then a summary table.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var input = new ScenarioInput();
        var output = new Option<string?>("--out") { Description = "results folder (default: results/<scenario>/<variant>/)", HelpName = "DIR" };
        var seed = new Option<ulong?>("--seed") { Description = "override the scenario's seed" };
        var report = ReportCommand.ReportOption();
        var openMetrics = new Option<bool>("--openmetrics") { Description = "also write metrics.om: the per-window metrics as OpenMetrics text (promtool tsdb create-blocks-from openmetrics)" };
        var openMetricsStart = new Option<long>("--openmetrics-start")
        {
            Description = "Unix time (seconds) that simulated time 0 maps to in metrics.om (default 0)", HelpName = "UNIX_SECONDS",
        };
        var command = new Command("run", "Simulate a scenario: timeseries.csv, summary.json and plots in a results folder.");
        input.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(seed);
        command.Options.Add(report);
        command.Options.Add(openMetrics);
        command.Options.Add(openMetricsStart);
        command.SetAction((parse, cancellation) =>
        {
            var load = input.LoadWithDiagnostics(parse);
            if (load.Scenario is not { } scenario) return Task.FromResult(ExitCodes.BadInput);
            var run = new ScenarioRun(scenario, parse.GetValue(seed));
            string folder = parse.GetValue(output) ?? ResultsWriter.DefaultDirectory("results", run.Identity);
            using var writer = new ResultsWriter(folder, inputs: ResultInputs.Of(scenario, load.Diagnostics), report: parse.GetValue(report),
                openMetrics: parse.GetValue(openMetrics) ? (run.Cluster.SeriesNames, parse.GetValue(openMetricsStart)) : null);
            var result = RunProgressView.Run(run, writer.Timeseries, cancellation);
            writer.Complete(result);
            SummaryTableView.Print(result);
            Console.Out.WriteLine($"Results: {writer.OutputDirectory}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}

using System.CommandLine;
using IngressSim.Model.Metrics;
using IngressSim.Model.Running;
using IngressSim.Reporting;
using IngressSim.Scenarios.Loading;

namespace IngressSim.Cli;

/// <summary>
/// How commands that simulate one run into a results folder (<c>run</c>, <c>replay</c>) take
/// <c>--out</c> and <c>--seed</c>, open the folder, and finish: the folder completed all or nothing,
/// the summary table, and where the results are.
/// </summary>
public sealed class RunOutput
{
    public Option<string?> Out { get; } = new("--out") { Description = "results folder (default: results/<scenario>/<variant>/)", HelpName = "DIR" };

    public Option<ulong?> Seed { get; } = new("--seed") { Description = "override the scenario's seed" };

    public void AddTo(Command command)
    {
        command.Options.Add(Out);
        command.Options.Add(Seed);
    }

    /// <summary>The run (not started) and its results folder's writer (nothing is published until <see cref="Complete"/>).</summary>
    public (ScenarioRun Run, ResultsWriter Writer) Open(ParseResult parse, LoadedScenario scenario)
    {
        var run = new ScenarioRun(scenario, parse.GetValue(Seed));
        string folder = parse.GetValue(Out) ?? ResultsWriter.DefaultDirectory("results", run.Identity);
        return (run, new ResultsWriter(folder));
    }

    public static void Complete(ResultsWriter writer, RunResult result)
    {
        writer.Complete(result);
        SummaryTableView.Print(result);
        Console.Out.WriteLine($"Results: {writer.OutputDirectory}");
    }
}

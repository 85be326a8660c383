using System.CommandLine;
using IngressSim.Model.Metrics;
using IngressSim.Reporting.Narrative;
using Spectre.Console;

namespace IngressSim.Cli.Commands;

/// <summary>
/// <c>ingress-sim replay [SCENARIO]</c>: the training replay. Runs the scenario as <c>run</c> does (same
/// results folder, with <c>narrative.json</c>) and tells the story as it unfolds: paced live on a
/// terminal, or at once with <c>--speed max</c> or when the output is not a terminal.
/// </summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var input = new ScenarioInput();
        var output = new RunOutput();
        var speed = new Option<ReplaySpeed>("--speed")
        {
            Description = "simulated seconds per wall-clock second on a terminal, e.g. 60x (30 simulated minutes in 30 s), or max: print the story at once",
            HelpName = "60x|max",
            DefaultValueFactory = _ => ReplaySpeed.Default,
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (!ReplaySpeed.TryParse(text, out var value, out string error)) result.AddError(error);
                return value;
            },
        };
        var command = new Command("replay", "Replay a scenario as a story (default: the war story): what happened, in words, with the numbers at that moment.");
        input.AddTo(command);
        output.AddTo(command);
        command.Options.Add(speed);
        command.SetAction((parse, cancellation) =>
        {
            var load = input.LoadWithDiagnostics(parse);
            if (load.Scenario is not { } scenario) return Task.FromResult(ExitCodes.BadInput);
            var pace = parse.GetValue(speed);
            var (run, writer) = output.Open(parse, load);
            using var _ = writer;
            bool live = !pace.IsMax && AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected;
            RunResult result;
            if (live)
            {
                var phases = scenario.Spec.Phases.Select(p => new NarrativePhase(p.Name, p.Start.TotalSeconds, p.End.TotalSeconds)).ToArray();
                double keepAlive = scenario.Spec.Cluster.Controllers.Select(c => c.ClientKeepAlive.Timeout.TotalSeconds).DefaultIfEmpty(0).Max();
                (result, var narrative) = ReplayView.Play(AnsiConsole.Console, run, writer.Timeseries, phases, ReplayView.SettleSeconds(keepAlive), pace, cancellation);
                // The live view cleared itself: the whole story stays on the screen, as with --speed max.
                ReplayView.PrintNarrative(narrative, Console.Out);
            }
            else
            {
                result = ReplayView.RunAtOnce(run, writer.Timeseries, cancellation, Console.Out);
            }
            Console.Out.WriteLine();
            RunOutput.Complete(writer, result);
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}

using System.CommandLine;

namespace IngressSim.Cli.Commands;

/// <summary><c>ingress-sim run [SCENARIO]</c>: one simulation of one variant into a results folder, then a summary table.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var input = new ScenarioInput();
        var output = new RunOutput();
        var command = new Command("run", "Simulate a scenario: timeseries.csv, summary.json and plots in a results folder.");
        input.AddTo(command);
        output.AddTo(command);
        command.SetAction((parse, cancellation) =>
        {
            var load = input.LoadWithDiagnostics(parse);
            if (load.Scenario is null) return Task.FromResult(ExitCodes.BadInput);
            var (run, writer) = output.Open(parse, load);
            using (writer) RunOutput.Complete(writer, RunProgressView.Run(run, writer.Timeseries, cancellation));
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }
}

using System.CommandLine;

namespace IngressSim.Cli.Commands;

/// <summary>
/// Commands whose mechanics are still being built: listed in --help so users see the whole tool,
/// and each says plainly that it is not in this build rather than pretending to work.
/// </summary>
public static class PlannedCommands
{
    public static IEnumerable<Command> Create()
    {
        yield return Planned("compare", "Run a scenario's variants with replications and compare them with confidence intervals.");
    }

    private static Command Planned(string name, string description)
    {
        var command = new Command(name, description + " (not in this build yet)");
        command.Arguments.Add(new Argument<string[]>("args") { Arity = ArgumentArity.ZeroOrMore, Hidden = true });
        command.SetAction(_ =>
        {
            Console.Error.WriteLine($"ingress-sim {name}: not available in this build yet.");
            return ExitCodes.BadInput;
        });
        return command;
    }
}

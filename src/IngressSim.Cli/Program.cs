using System.CommandLine;
using IngressSim.Cli;
using IngressSim.Cli.Commands;

var root = new RootCommand("IngressSim: a deterministic discrete-event simulator of Kubernetes ingress clusters.");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ReplayCommand.Create());
root.Subcommands.Add(ExplainCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(RouteCommand.Create());
root.Subcommands.Add(CompareCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(SweepCommand.Create());
root.Subcommands.Add(MergeCommand.Create());
root.Subcommands.Add(BenchCommand.Create());

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors) Console.Error.WriteLine($"ingress-sim: {error.Message}");
    Console.Error.WriteLine("Try 'ingress-sim --help'.");
    return ExitCodes.BadInput;
}
try
{
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("ingress-sim: cancelled");
    return ExitCodes.Cancelled;
}
catch (Exception e)
{
    // An internal error, never bad input (commands report that themselves): one line, no stack trace.
    Console.Error.WriteLine($"ingress-sim: internal error: {e.GetType().Name}: {e.Message}");
    Console.Error.WriteLine("Please report it with the command line and scenario that caused it.");
    return ExitCodes.Failure;
}

using System.CommandLine;
using IngressSim.Experiments.Sweeps;
using IngressSim.Reporting.Sweeps;

namespace IngressSim.Cli.Commands;

/// <summary>
/// <c>ingress-sim merge DIR... --out DIR</c>: the shard folders of one sweep into the folder a single run
/// would have written, byte for byte. Refuses folders of different sweeps, missing units and two different
/// results for one unit; the output folder is written all or nothing, and only a sweep folder is replaced.
/// </summary>
public static class MergeCommand
{
    public static Command Create()
    {
        var folders = new Argument<string[]>("folders") { Description = "shard folders written by 'ingress-sim sweep --shard K/N'", HelpName = "DIR", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "merged sweep folder (replaced if it exists)", HelpName = "DIR", Required = true };
        var command = new Command("merge", "Combine the shard folders of a sweep into the results of a single run.") { folders, output };
        command.SetAction(parse =>
        {
            MergedSweep merged;
            try
            {
                SweepFolder.CheckReplaceable(parse.GetRequiredValue(output));
                merged = SweepMerge.Collect(parse.GetRequiredValue(folders));
            }
            catch (SweepFolderException e)
            {
                return SweepInput.Refuse("merge", e);
            }
            var (folder, result) = SweepReport.WriteMerged(parse.GetRequiredValue(output), merged);
            SweepInput.PrintTables(result);
            Console.Out.WriteLine($"{merged.Manifest.Points} points × {merged.Manifest.Replications} replications from {parse.GetRequiredValue(folders).Length} folders");
            Console.Out.WriteLine($"Results: {folder}");
            return ExitCodes.Success;
        });
        return command;
    }
}

using IngressSim.Experiments.Sweeps;
using IngressSim.Reporting.Sweeps;
using IngressSim.Scenarios.Sweeps;
using IngressSim.Scenarios.Validation;

namespace IngressSim.Cli;

/// <summary>How sweep commands load a sweep file and report folder errors: every diagnostic printed, bad input exits 2 before anything is written.</summary>
public static class SweepInput
{
    /// <summary>The loaded sweep, or null after printing why it could not be loaded.</summary>
    public static LoadedSweep? Load(string path, IReadOnlyDictionary<string, string>? parameters)
    {
        var result = SweepLoader.Load(path, parameters);
        if (result.Diagnostics.Count > 0) Console.Error.Write(DiagnosticFormatter.Text(result.Diagnostics));
        return result.Sweep;
    }

    public static int Refuse(string command, SweepFolderException error)
    {
        Console.Error.WriteLine($"ingress-sim {command}: {error.Message}");
        Console.Error.WriteLine($"    hint: {error.Hint}");
        return ExitCodes.BadInput;
    }

    /// <summary>A table per reported phase, or where to find the numbers when the grid is too large to print.</summary>
    public static void PrintTables(SweepResult result)
    {
        var tables = SweepTable.For(result);
        foreach (var table in tables) SummaryTableView.Print(table);
        if (tables.Count == 0) Console.Out.WriteLine($"{result.Points.Count} points: too many to print, see sweep.csv");
    }

    /// <summary>Default results folder of a sweep: next to the runs', under results/sweeps/.</summary>
    public static string DefaultDirectory(LoadedSweep sweep) => Path.Combine("results", "sweeps", sweep.Name);
}

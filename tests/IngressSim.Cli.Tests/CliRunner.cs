using System.Diagnostics;

namespace IngressSim.Cli.Tests;

/// <summary>Runs the real <c>ingress-sim</c> executable as a user would, capturing output and exit code.</summary>
public static class CliRunner
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Simulator.sln not found above " + AppContext.BaseDirectory);
    }

    private static string CliDll()
    {
        // The test project is built in the same configuration as the CLI it references.
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        return Path.Combine(RepositoryRoot, "src", "IngressSim.Cli", "bin", configuration, "net10.0", "ingress-sim.dll");
    }

    public static Outcome Run(params string[] args) => RunIn(RepositoryRoot, args);

    /// <summary>Runs the CLI and asserts it succeeded, showing its output when it did not.</summary>
    public static Outcome RunOk(params string[] args)
    {
        var r = Run(args);
        Xunit.Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        return r;
    }

    public static Outcome RunIn(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(CliDll());
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("ingress-sim " + string.Join(' ', args) + " did not finish in 5 minutes");
        }
        return new Outcome(process.ExitCode, stdout.Result, stderr.Result);
    }
}

using System.CommandLine;

namespace IngressSim.Cli;

/// <summary>Options several commands take with the same meaning.</summary>
public static class SharedOptions
{
    /// <summary><c>--parallel N</c>: worker threads of independent runs; the outputs do not depend on it.</summary>
    public static Option<int> Parallel()
    {
        var parallel = new Option<int>("--parallel", "-j")
        {
            Description = "worker threads; results are identical for any number (default: all cores)",
            HelpName = "N",
            DefaultValueFactory = _ => Environment.ProcessorCount,
        };
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1) result.AddError("--parallel must be at least 1");
        });
        return parallel;
    }
}

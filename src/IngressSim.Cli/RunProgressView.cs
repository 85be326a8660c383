using IngressSim.Model.Metrics;
using IngressSim.Model.Running;
using Spectre.Console;

namespace IngressSim.Cli;

/// <summary>
/// Runs a simulation with a progress bar of simulated time and events/s when a person is watching
/// (an interactive terminal); quietly otherwise, so logs and pipes get only the results.
/// </summary>
public static class RunProgressView
{
    public static RunResult Run(ScenarioRun run, IWindowSink sink, CancellationToken cancellation) =>
        !AnsiConsole.Profile.Capabilities.Interactive || Console.IsOutputRedirected
            ? run.Execute(sink, null, cancellation)
            : RunWithProgress(AnsiConsole.Console, run, sink, cancellation);

    /// <summary>The interactive path, on a given console (a terminal, or a test's recording console).</summary>
    public static RunResult RunWithProgress(IAnsiConsole console, ScenarioRun run, IWindowSink sink, CancellationToken cancellation)
    {
        RunResult? result = null;
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                // Task descriptions are Spectre markup: names (and the brackets around the variant) must be escaped.
                string label = Markup.Escape($"{run.Identity.Scenario} [{run.Identity.Variant}]");
                var task = context.AddTask(label, maxValue: 1.0);
                long started = System.Diagnostics.Stopwatch.GetTimestamp();
                result = run.Execute(sink, progress =>
                {
                    double wall = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds;
                    task.Value = progress.Now.TotalSeconds / progress.End.TotalSeconds;
                    task.Description = $"{label} {progress.Now.ToClockString()}  {progress.Events / Math.Max(wall, 1e-3) / 1e6:F1} M events/s";
                }, cancellation);
            });
        return result!;
    }
}

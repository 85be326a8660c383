using Spectre.Console;

namespace IngressSim.Cli;

/// <summary>
/// A progress bar of counted work (runs, units) with its ETA when a person is watching (an interactive
/// terminal); nothing otherwise, so logs and pipes get only the results.
/// </summary>
public static class CountProgressView
{
    /// <summary>Reports progress from any thread: done and planned so far (a plan may grow), and the bar's text.</summary>
    public delegate void Report(double done, double planned, string description);

    /// <param name="work">Runs the work; its report callback is null when no bar is shown.</param>
    public static T Run<T>(string description, double planned, Func<Report?, T> work)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive || Console.IsOutputRedirected) return work(null);
        T result = default!;
        AnsiConsole.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                // Task descriptions are Spectre markup: names with brackets must not be read as tags.
                var task = context.AddTask(Markup.Escape(description), maxValue: Math.Max(planned, 1));
                result = work((done, total, text) =>
                {
                    // Spectre's task is thread-safe.
                    task.MaxValue = Math.Max(total, 1);
                    task.Value = done;
                    task.Description = Markup.Escape(text);
                });
            });
        return result;
    }
}

using System.CommandLine;
using IngressSim.Reporting.Html;

namespace IngressSim.Cli.Commands;

/// <summary>
/// <c>ingress-sim report RESULTS_DIR [--out FILE]</c>: one self-contained HTML page from the files of a
/// folder that run or compare wrote, for people who will not run the CLI. A folder it cannot read is
/// refused with exit 2 and nothing is written.
/// </summary>
public static class ReportCommand
{
    /// <summary><c>--report</c> of run and compare: the same page, written with their folder, all or nothing.</summary>
    public static Option<bool> ReportOption() => new("--report") { Description = $"also write {HtmlReport.FileName}, a self-contained HTML report, into the folder" };

    public static Command Create()
    {
        var folder = new Argument<string>("results")
        {
            Description = "a results folder written by run (summary.json) or compare (comparison.json)",
            HelpName = "RESULTS_DIR",
        };
        var output = new Option<string?>("--out") { Description = $"the HTML file (default: RESULTS_DIR/{HtmlReport.FileName})", HelpName = "FILE" };
        var command = new Command("report", "Write a self-contained HTML report of a results folder: summary, phases, plots, timeline, alerts, cost, diagnostics, scenario.")
        {
            folder, output,
        };
        command.SetAction(parse =>
        {
            string results = parse.GetRequiredValue(folder);
            try
            {
                string written = HtmlReport.Write(results, parse.GetValue(output) ?? Path.Combine(results, HtmlReport.FileName));
                Console.Out.WriteLine($"Report: {written}");
                return ExitCodes.Success;
            }
            catch (ReportInputException e)
            {
                Console.Error.WriteLine($"ingress-sim report: {e.Message}");
                Console.Error.WriteLine($"    hint: {e.Hint}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }
}

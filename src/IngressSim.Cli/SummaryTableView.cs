using IngressSim.Model.Metrics;
using IngressSim.Reporting;
using Spectre.Console;

namespace IngressSim.Cli;

/// <summary>Prints a run's <see cref="SummaryTable"/> with Spectre.Console (plain text when not a terminal; NO_COLOR respected).</summary>
public static class SummaryTableView
{
    /// <summary>The phase table, then the alerts and the monthly cost when the result has them.</summary>
    public static void Print(RunResult result)
    {
        Print(SummaryTable.For(result));
        if (SummaryTable.Alerts(result) is { } alerts) Print(alerts);
        if (SummaryTable.Cost(result) is { } cost) Print(cost);
    }

    public static void Print(SummaryTable model)
    {
        // Piped output has no terminal width; 80 columns would wrap every number.
        if (Console.IsOutputRedirected) AnsiConsole.Profile.Width = Math.Max(AnsiConsole.Profile.Width, 140);
        var table = new Table().Title(model.Title);
        foreach (var column in model.Columns)
        {
            var c = new TableColumn(Markup.Escape(column.Header));
            table.AddColumn(column.RightAligned ? c.RightAligned() : c);
        }
        foreach (var row in model.Rows) table.AddRow(row.Select(Markup.Escape).ToArray());
        AnsiConsole.Write(table);
    }
}

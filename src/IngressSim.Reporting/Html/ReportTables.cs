using IngressSim.Reporting.Comparison;

namespace IngressSim.Reporting.Html;

/// <summary>Writes a <see cref="SummaryTable"/> (the terminal's tables as data) as an HTML table: numbers right-aligned, the whole-run row set apart, cells unbroken but the last (a note).</summary>
internal static class ReportTables
{
    public const string WholeRun = "whole run";
    public const string Total = "total";

    public static void Write(HtmlBuilder html, SummaryTable table, string? caption = null)
    {
        html.Markup("<div class=\"table\"><table class=\"data\">");
        if (caption is not null) html.Element("caption", caption);
        html.Markup("<thead><tr>");
        foreach (var column in table.Columns) html.Element("th", column.Header, column.RightAligned ? "num" : null);
        html.Markup("</tr></thead><tbody>");
        foreach (var row in table.Rows)
        {
            html.Markup(row[0] is WholeRun or Total ? "<tr class=\"total\">" : "<tr>");
            for (int i = 0; i < row.Count; i++)
                html.Element(i == 0 ? "th" : "td", row[i], CellClass(table.Columns[i], row[i]));
            html.Markup("</tr>");
        }
        html.Markup("</tbody></table></div>\n");
    }

    private static string? CellClass(SummaryColumn column, string cell) =>
        cell == ComparisonTable.SignificantMarker ? "significant"
        : cell == ComparisonTable.NotSignificantMarker ? "not-significant"
        : column.RightAligned ? "num" : null;
}

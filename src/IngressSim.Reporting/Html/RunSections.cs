using IngressSim.Model.Metrics;
using IngressSim.Reporting.Html.Contracts;

namespace IngressSim.Reporting.Html;

/// <summary>The parts of a run's report that come from its <c>summary.json</c>: key figures, phases, reloads, alerts, cost.</summary>
internal static class RunSections
{
    public static IEnumerable<ReportSection> Of(SummaryDocument run)
    {
        yield return new("summary", "Summary", html => Summary(html, run));
        yield return new("phases", "Phases", html => Phases(html, run));
        yield return new("reloads", "Reloads", html => Reloads(html, run));
        if (run.Alerts is { Count: > 0 } alerts) yield return new("alerts", "Alerts", html => Alerts(html, alerts));
        if (run.Cost is { } cost) yield return new("cost", "Cost", html => Cost(html, cost));
    }

    private static void Summary(HtmlBuilder html, SummaryDocument run)
    {
        var requests = run.Requests;
        var reloads = run.Reloads;
        html.Markup("<div class=\"figures\">");
        Figure(html, "Requests", ReportFormat.Count(requests.Total), $"{ReportFormat.Count(run.Retries)} retries");
        Figure(html, "Error rate", requests.Total == 0 ? "–" : ErrorRate(requests.Errors / (double)requests.Total),
            $"{ReportFormat.Count(requests.Errors)} errors");
        Figure(html, "p50", ReportFormat.Ms(run.LatencyMs.P50), "median latency");
        Figure(html, "p95", ReportFormat.Ms(run.LatencyMs.P95), "95th percentile");
        Figure(html, "p99", ReportFormat.Ms(run.LatencyMs.P99), $"p99.9 {ReportFormat.Ms(run.LatencyMs.P999)}");
        Figure(html, "Reloads", ReportFormat.Count(reloads.Count),
            reloads.MeanIntervalSeconds is { } interval ? $"one per replica every {ReportFormat.Seconds(interval)}" : reloads.Count == 0 ? "no reloads" : "none repeated");
        html.Markup("</div>\n");

        html.Markup("<p class=\"statuses\">Responses: ");
        var shown = requests.ByStatus.Where(s => s.Value > 0).ToArray();
        if (shown.Length == 0) html.Text("none");
        for (int i = 0; i < shown.Length; i++)
        {
            if (i > 0) html.Markup(" · ");
            html.Element("span", shown[i].Key, shown[i].Key == ResponseStatus.Ok2xx.Label() ? "status ok" : "status error")
                .Text(" " + ReportFormat.Count(shown[i].Value));
        }
        html.Markup("</p>\n");
    }

    /// <summary>Two decimals, four below 0.01 %: 65 errors in 5.8 M requests is not "0.00%".</summary>
    private static string ErrorRate(double rate) => ReportFormat.Percent(rate, rate is > 0 and < 0.0001 ? "0.00##%" : "0.00%");

    private static void Figure(HtmlBuilder html, string label, string value, string detail) =>
        html.Markup("<div class=\"figure\">").Element("div", label, "label").Element("div", value, "value").Element("div", detail, "detail").Markup("</div>");

    private static void Phases(HtmlBuilder html, SummaryDocument run)
    {
        var rows = run.Phases
            .Select(p => WithSpan(SummaryTable.Row(p.Name, p.Requests.Total, p.Requests.Errors, p.LatencyMs.ToSummary(p.Requests.Total), p.Reloads.Count),
                ReportFormat.Span(p.Start, p.End)))
            .Append(WithSpan(SummaryTable.Row(ReportTables.WholeRun, run.Requests.Total, run.Requests.Errors, run.LatencyMs.ToSummary(run.Requests.Total), run.Reloads.Count),
                ReportFormat.Span(0, run.SimulatedSeconds)))
            .ToArray();
        SummaryColumn[] columns = [SummaryTable.PhaseColumns[0], new("When", false), .. SummaryTable.PhaseColumns.Skip(1)];
        html.Element("p", "Latency as the clients experience it, from when they meant to send: reconnects, handshakes and retries included.", "lead");
        ReportTables.Write(html, new SummaryTable("", columns, rows));
    }

    private static IReadOnlyList<string> WithSpan(IReadOnlyList<string> row, string span) => [row[0], span, .. row.Skip(1)];

    private static void Reloads(HtmlBuilder html, SummaryDocument run)
    {
        if (run.Reloads.Count == 0)
        {
            html.Element("p", "No configuration reloads in this run.");
            return;
        }
        SummaryColumn[] columns =
        [
            new("Phase", false), new("Reloads", true), new("Interval per replica", true), new("Duration p50", true),
            new("Duration max", true), new("Connections affected", true),
        ];
        var rows = run.Phases.Select(p => ReloadRow(p.Name, p.Reloads)).Append(ReloadRow(ReportTables.WholeRun, run.Reloads)).ToArray();
        html.Element("p", "Each reload retires the replica's workers: their keep-alive connections close, so clients pay TCP and TLS again. "
            + "The affected share is of the connections a client would have reused.", "lead");
        ReportTables.Write(html, new SummaryTable("", columns, rows));
    }

    private static IReadOnlyList<string> ReloadRow(string name, ReloadsJson reloads) =>
    [
        name, ReportFormat.Count(reloads.Count), ReportFormat.Seconds(reloads.MeanIntervalSeconds),
        ReportFormat.Ms(reloads.DurationMs?.P50), ReportFormat.Ms(reloads.DurationMs?.Max), ReportFormat.Percent(reloads.AffectedConnectionFraction),
    ];

    private static void Alerts(HtmlBuilder html, IReadOnlyList<AlertJson> alerts)
    {
        int fired = alerts.Count(a => a.Firings.Count > 0);
        html.Element("p", $"{fired} of {alerts.Count} alert rule{(alerts.Count == 1 ? "" : "s")} would have fired.", "lead");
        html.Markup("<div class=\"table\"><table><thead><tr><th>Alert</th><th>Severity</th><th>Rule</th><th>Fired (simulated time)</th></tr></thead><tbody>");
        foreach (var alert in alerts)
        {
            html.Markup("<tr><th>").Text(alert.Name);
            if (alert.Description is { Length: > 0 } description) html.Element("div", description, "detail");
            html.Markup("</th>").Element("td", alert.Severity, "severity-" + alert.Severity).Markup("<td>");
            if (alert.Expression is { Length: > 0 } expression) html.Element("code", expression);
            html.Markup("</td><td>");
            if (alert.Firings.Count == 0) html.Element("span", "did not fire", "quiet");
            else
            {
                html.Markup("<ul class=\"firings\">");
                foreach (var firing in alert.Firings) html.Element("li", Firing(firing));
                html.Markup("</ul>");
            }
            html.Markup("</td></tr>");
        }
        html.Markup("</tbody></table></div>\n");
    }

    private static string Firing(FiringJson firing) =>
        $"{ReportFormat.Clock(firing.FiredAtSeconds)} → "
        + (firing.ResolvedAtSeconds is { } resolved ? ReportFormat.Clock(resolved) : "still firing at the end")
        + (firing.PeakValue is { } peak ? $" (peak {ReportFormat.Number(peak)})" : "");

    private static void Cost(HtmlBuilder html, CostJson cost)
    {
        html.Markup("<p class=\"lead\">Monthly cost of this design: <strong>")
            .Text($"{ReportFormat.Money(cost.MonthlyTotal)} {cost.Currency}").Markup("</strong> a month.</p>\n");
        if (cost.Items.Count == 0) return;
        SummaryColumn[] columns =
        [
            new("Item", false), new("Quantity", true), new($"Unit {cost.Currency}/month", true), new($"{cost.Currency}/month", true), new("Note", false),
        ];
        var rows = cost.Items
            .Select(i => (IReadOnlyList<string>)[i.Name, ReportFormat.Number(i.Quantity), i.UnitMonthly is { } unit ? ReportFormat.Money(unit) : "–",
                ReportFormat.Money(i.Monthly), i.Note ?? ""])
            .Append([ReportTables.Total, "", "", ReportFormat.Money(cost.MonthlyTotal), ""])
            .ToArray();
        ReportTables.Write(html, new SummaryTable("", columns, rows));
    }
}

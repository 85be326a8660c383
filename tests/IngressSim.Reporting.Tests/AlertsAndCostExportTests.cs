using System.Text.Json;
using IngressSim.Model.Alerts;
using IngressSim.Model.Cost;
using IngressSim.Model.Metrics;
using IngressSim.Reporting.Plots;

namespace IngressSim.Reporting.Tests;

/// <summary>summary.json's <c>alerts</c> and <c>cost</c> in the shape the HTML report reads, the console tables, and the plot's alert lanes.</summary>
public class AlertsAndCostExportTests
{
    private static RunResult WithAlertsAndCost() => SyntheticRun.Create(seconds: 60) with
    {
        Alerts =
        [
            new AlertResult("NginxReloadSlow", "reload p99 over 100 ms", "warning", "histogram_quantile(0.99, x) > 0.1",
                [new AlertFiring(30, 40, 0.15), new AlertFiring(50, null, 0.2)]),
            new AlertResult("Quiet", null, "critical", "y > 1", []),
        ],
        Cost = new CostEstimate("USD", 18.62,
            [new CostItem("AWS NLB load balancers", 1, 16.425, 16.43, "one per ingress controller"), new CostItem("AWS NLB NLCUs (traffic)", 0.5, 4.38, 2.19, "n")]),
    };

    [Fact]
    public void Summary_HasAlertsAndCost_InTheAgreedShape()
    {
        var output = new MemoryStream();
        new SummaryJsonExporter(deterministic: true).Export(WithAlertsAndCost(), output);
        using var doc = JsonDocument.Parse(output.ToArray());
        var alerts = doc.RootElement.GetProperty("alerts").EnumerateArray().ToArray();
        Assert.Equal(2, alerts.Length);
        Assert.Equal(["name", "description", "severity", "expression", "firings"], alerts[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("warning", alerts[0].GetProperty("severity").GetString());
        var firings = alerts[0].GetProperty("firings").EnumerateArray().ToArray();
        Assert.Equal(["firedAtSeconds", "resolvedAtSeconds", "peakValue"], firings[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(40, firings[0].GetProperty("resolvedAtSeconds").GetDouble());
        Assert.Equal(JsonValueKind.Null, firings[1].GetProperty("resolvedAtSeconds").ValueKind);
        Assert.Equal(0.2, firings[1].GetProperty("peakValue").GetDouble());
        Assert.Equal("", alerts[1].GetProperty("description").GetString());
        Assert.Empty(alerts[1].GetProperty("firings").EnumerateArray());

        var cost = doc.RootElement.GetProperty("cost");
        Assert.Equal(["currency", "monthlyTotal", "items"], cost.EnumerateObject().Select(p => p.Name));
        Assert.Equal(18.62, cost.GetProperty("monthlyTotal").GetDouble());
        var item = cost.GetProperty("items")[0];
        Assert.Equal(["name", "quantity", "unitMonthly", "monthly", "note"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(16.425, item.GetProperty("unitMonthly").GetDouble());
    }

    [Fact]
    public void Summary_WithoutRules_HasAnEmptyAlertList_AndNoCost()
    {
        var output = new MemoryStream();
        new SummaryJsonExporter().Export(SyntheticRun.Create(seconds: 20), output);
        using var doc = JsonDocument.Parse(output.ToArray());
        Assert.Empty(doc.RootElement.GetProperty("alerts").EnumerateArray());
        Assert.False(doc.RootElement.TryGetProperty("cost", out _));
    }

    [Fact]
    public void ConsoleTables_ListFiringsAndCost()
    {
        var result = WithAlertsAndCost();
        var alerts = SummaryTable.Alerts(result)!;
        Assert.Equal("Alerts: 1 of 2 fired", alerts.Title);
        Assert.Equal(["NginxReloadSlow", "warning", "0:30", "0:40", "0.15"], alerts.Rows[0]);
        Assert.Equal("still firing", alerts.Rows[1][3]);
        Assert.Equal("never fired", alerts.Rows[2][2]);
        var cost = SummaryTable.Cost(result)!;
        Assert.Equal("Monthly cost (USD): 18.62", cost.Title);
        Assert.Equal(["AWS NLB load balancers", "1", "16.425", "16.43"], cost.Rows[0]);
        Assert.Equal("18.62", cost.Rows[^1][3]);
        Assert.Null(SummaryTable.Alerts(SyntheticRun.Create(seconds: 20)));
        Assert.Equal("1:02:05", SummaryTable.Alerts(result with { Alerts = [new AlertResult("Late", null, "warning", "z > 0", [new AlertFiring(3725, null, 1)])] })!.Rows[0][2]);
    }

    [Fact]
    public void LatencyPlot_MarksFiredAlerts_Deterministically()
    {
        var plain = LatencyOverTimePlot.Render(SyntheticRun.Create(seconds: 60));
        var marked = LatencyOverTimePlot.Render(WithAlertsAndCost());
        Assert.NotEqual(plain, marked);
        Assert.Equal(marked, LatencyOverTimePlot.Render(WithAlertsAndCost()));
    }
}

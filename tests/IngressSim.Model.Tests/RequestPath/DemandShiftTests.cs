using IngressSim.Scenarios.Loading;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>A source's demand shift moves requests between its targets over time; without it, shares stay put.</summary>
public class DemandShiftTests
{
    private static string Fleet(string shift) => $$"""
        apiVersion: ingresssim.dev/v1alpha1
        kind: Scenario
        metadata: {name: shift}
        spec:
          duration: 5m
          window: 30s
          traffic:
            sources:
              - name: shoppers
                fleet: shop
                rate: {constant: 400/s}{{shift}}
          cluster:
            controllers: [{name: ingress-nginx, defaultClass: true, replicas: 2}]
            fleets:
              - {name: shop, count: 4, serviceName: "svc-{i}", host: "svc-{i}.example.com", replicas: 2}
        """;

    /// <summary>Spread of one Service's share of requests across windows (coefficient of variation).</summary>
    private static double ShareVariation(string shift)
    {
        var loaded = ScenarioLoader.LoadText(Fleet(shift), "shift.yaml");
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var (_, rows) = PathRuns.Execute(loaded.Scenario!);
        var totals = rows.Rows.Where(r => r.Series == "all").ToDictionary(r => r.Start, r => (double)r.Statuses.Total);
        var shares = rows.Rows.Where(r => r.Series == "default/svc-1").Select(r => r.Statuses.Total / totals[r.Start]).ToList();
        double mean = shares.Average();
        return Math.Sqrt(shares.Sum(s => (s - mean) * (s - mean)) / (shares.Count - 1)) / mean;
    }

    [Fact]
    public void Execute_WithoutShift_SharesStayNearTheirWeights() =>
        Assert.True(ShareVariation("") < 0.1, "a fixed mix only has sampling noise");

    [Fact]
    public void Execute_WithShift_SharesMoveBetweenWindows() =>
        Assert.True(ShareVariation("\n        shift: {every: 30s, sigma: 1}") > 0.3, "a log-normal factor with sigma 1 every window");
}

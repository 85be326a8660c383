using System.Text.Json.Nodes;

namespace IngressSim.Cli.Tests;

/// <summary>
/// Alerts, cost and the OpenMetrics export end to end: the war story fires the article's reload alert,
/// the SPOF scenario its restart alert, the exposure-cost variants price the article's table, and a bad
/// rule is refused with a located error before anything is written.
/// </summary>
public sealed class AlertsAndCostCommandTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("ingress-sim-alert-tests-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private (JsonObject Summary, CliRunner.Outcome Outcome, string Folder) Run(string scenario, string variant, params string[] extra)
    {
        var folder = Path.Combine(_temp, Path.GetFileNameWithoutExtension(scenario) + "-" + variant);
        var r = CliRunner.Run(["run", scenario, "--variant", variant, "--out", folder, .. extra]);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        return (JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")))!.AsObject(), r, folder);
    }

    private static JsonArray Firings(JsonObject summary, string alert) =>
        summary["alerts"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == alert)!["firings"]!.AsArray();

    private static double Line(JsonObject summary, string item) =>
        summary["cost"]!["items"]!.AsArray().Single(i => i!["name"]!.GetValue<string>() == item)!["monthly"]!.GetValue<double>();

    [Fact]
    public void WarStory_FiresTheArticlesReloadAlerts_NotTheRestartOne_AndExportsOpenMetrics()
    {
        // 16 minutes: the HPAs' churn starts reloading nginx after ~10 min; the storm phase starts at 15.
        var (summary, outcome, folder) = Run("scenarios/black-friday-reload-storm.yaml", "base", "--param", "duration=16m", "--openmetrics");

        var reload = Firings(summary, "NginxReloadSlow");
        Assert.NotEmpty(reload);
        double fired = reload[0]!["firedAtSeconds"]!.GetValue<double>();
        Assert.InRange(fired, 10, 960); // by the first minute of the storm phase (10:20 in this calibration)
        Assert.True(reload[0]!["peakValue"]!.GetValue<double>() > 0.1);
        Assert.NotEmpty(Firings(summary, "NginxReloadStorm"));
        Assert.Empty(Firings(summary, "IngressControllerRestart")); // nothing crashes in the war story
        Assert.Contains("NginxReloadSlow", outcome.Stdout);
        Assert.Contains("Monthly cost (USD)", outcome.Stdout);
        Assert.True(summary["cost"]!["monthlyTotal"]!.GetValue<double>() > 16.42);

        var om = File.ReadAllText(Path.Combine(folder, "metrics.om"));
        Assert.EndsWith("# EOF\n", om);
        Assert.Contains("# TYPE nginx_ingress_controller_config_last_reload_duration_seconds histogram", om);
        Assert.Contains("nginx_ingress_controller_config_last_reload_duration_seconds_bucket{controller=\"ingress-nginx\",le=\"+Inf\"}", om);
        Assert.Contains("nginx_ingress_controller_requests_total{namespace=", om);
    }

    [Fact]
    public void SingleReplica_FiresTheRestartAlert_UntilTheEnd_AndTheFailureShareAlertDuringTheCrash()
    {
        var (summary, _, folder) = Run("scenarios/single-controller-spof.yaml", "base", "--param", "duration=4m");
        var restart = Assert.Single(Firings(summary, "IngressControllerRestart"));
        Assert.InRange(restart!["firedAtSeconds"]!.GetValue<double>(), 180, 185); // restarted at 3 min; 5 s windows
        Assert.Null(restart["resolvedAtSeconds"]); // rate over 5 m still above 0 at the end
        var failing = Firings(summary, "IngressFailing");
        Assert.NotEmpty(failing);
        Assert.InRange(failing[0]!["firedAtSeconds"]!.GetValue<double>(), 120, 135);
        Assert.False(File.Exists(Path.Combine(folder, "metrics.om"))); // only with --openmetrics
    }

    [Fact]
    public void ExposureCost_ReproducesTheArticlesTable_ForNServices()
    {
        const string scenario = "scenarios/exposure-cost.yaml";
        var ingress = Run(scenario, "base", "--param", "services=10").Summary;
        var perService = Run(scenario, "loadbalancer-per-service", "--param", "services=10").Summary;
        var nodePort = Run(scenario, "nodeport", "--param", "services=10").Summary;

        Assert.Equal(16.43, Line(ingress, "AWS NLB load balancers")); // one LB: 0.0225 $/h × 730 h
        Assert.Equal(164.25, Line(perService, "AWS NLB load balancers")); // ten of them
        Assert.Equal(0, nodePort["cost"]!["monthlyTotal"]!.GetValue<double>());
        // Same simulated traffic, so the same capacity units in total; only the hourly charges differ.
        Assert.Equal(Line(ingress, "AWS NLB NLCUs (traffic)"), Line(perService, "AWS NLB NLCUs (traffic)"), 1);
        Assert.True(perService["cost"]!["monthlyTotal"]!.GetValue<double>() > 9 * ingress["cost"]!["monthlyTotal"]!.GetValue<double>());
    }

    [Fact]
    public void BadRule_IsALocatedError_ExitTwo_NothingWritten()
    {
        var scenario = Path.Combine(_temp, "bad-alert.yaml");
        File.WriteAllText(scenario, File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, "scenarios/examples/minimal.yaml"))
            + "\n  alerts:\n    - name: Typo\n      expr: rate(nginx_ingress_controler_requests[1m]) > 1\n");
        var folder = Path.Combine(_temp, "never");
        var r = CliRunner.Run("run", scenario, "--out", folder);
        Assert.Equal(2, r.ExitCode);
        int line = File.ReadAllLines(scenario).Length;
        Assert.Contains($"bad-alert.yaml:{line}:18: error SCN040: alert 'Typo': unknown metric 'nginx_ingress_controler_requests'", r.Stdout + r.Stderr);
        Assert.Contains("did you mean 'nginx_ingress_controller_requests'", r.Stdout + r.Stderr);
        Assert.DoesNotContain("   at ", r.Stdout + r.Stderr);
        Assert.False(Directory.Exists(folder));
    }
}

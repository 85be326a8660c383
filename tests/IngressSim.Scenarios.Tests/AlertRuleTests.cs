using IngressSim.Engine.Time;
using IngressSim.Scenarios.Alerts;
using IngressSim.Scenarios.Cost;
using IngressSim.Scenarios.Loading;

namespace IngressSim.Scenarios.Tests;

/// <summary>The alert expression language: what parses into what, and every mistake located at its character.</summary>
public class AlertRuleTests
{
    private static readonly Duration Window = Duration.FromSeconds(10);

    private static AlertCondition Parse(string text) => AlertExpressionParser.Parse(text, Window);

    private static AlertExpressionError Error(string text)
    {
        Assert.False(AlertExpressionParser.TryParse(text, Window, out _, out var error), $"'{text}' parsed");
        return error;
    }

    [Fact]
    public void ArticleReloadRule_IsAQuantileOfTheReloadHistogram()
    {
        var rule = Parse("histogram_quantile(0.99, nginx_ingress_controller_config_last_reload_duration_seconds_bucket) > 0.1");
        var q = Assert.IsType<QuantileQuery>(rule.Value);
        Assert.Equal(0.99, q.Quantile);
        Assert.Equal(AlertMetric.ReloadDuration, q.Selector.Metric);
        Assert.Null(q.Range);
        Assert.Equal(Comparison.Greater, rule.Comparison);
        Assert.Equal(0.1, rule.Threshold);
    }

    [Fact]
    public void RateOfBuckets_SumByLe_KeepsTheRange()
    {
        var rule = Parse("histogram_quantile(0.5, sum(rate(nginx_ingress_controller_config_last_reload_duration_seconds_bucket[1m])) by (le)) >= 2");
        var q = Assert.IsType<QuantileQuery>(rule.Value);
        Assert.Equal(Duration.FromMinutes(1), q.Range);
        Assert.Equal(Comparison.GreaterOrEqual, rule.Comparison);
    }

    [Fact]
    public void FiveXxShare_IsARatioOfTwoRates_WithARegexMatcher()
    {
        var rule = Parse("""sum(rate(nginx_ingress_controller_requests{status=~"5.."}[5m])) / sum(rate(nginx_ingress_controller_requests[5m])) > 0.01""");
        var ratio = Assert.IsType<ArithmeticQuery>(rule.Value);
        Assert.Equal('/', ratio.Operator);
        var errors = Assert.IsType<CounterQuery>(ratio.Left);
        Assert.True(errors.PerSecond);
        Assert.Equal(Duration.FromMinutes(5), errors.Range);
        var matcher = Assert.Single(errors.Selector.Matchers);
        Assert.True(matcher.Matches("502"));
        Assert.False(matcher.Matches("5021")); // anchored, as in PromQL
        Assert.False(matcher.Matches("200"));
        Assert.Empty(Assert.IsType<CounterQuery>(ratio.Right).Selector.Matchers);
    }

    [Fact]
    public void Max_OfTheNginxMemoryGauge_IsTheGaugeItself()
    {
        // The simulator keeps the replica with the most: max() over replicas is that value.
        var rule = Parse("max(nginx_ingress_controller_nginx_process_resident_memory_bytes) > 4e9");
        var gauge = Assert.IsType<GaugeQuery>(rule.Value);
        Assert.Equal(AlertMetric.NginxResidentMemory, gauge.Selector.Metric);
        Assert.Equal(OverTime.Last, gauge.Aggregation);
        Assert.Equal(4e9, rule.Threshold);
        Assert.Empty(gauge.Selector.Matchers);
        Assert.Equal(AlertMetric.NginxProcesses, Assert.IsType<GaugeQuery>(Parse("max(nginx_ingress_controller_nginx_process_num_procs) > 60").Value).Selector.Metric);
    }

    [Fact]
    public void Increase_RawCounter_Gauges_AndNegativeInfinity()
    {
        Assert.False(Assert.IsType<CounterQuery>(Parse("increase(nginx_ingress_controller_success[1m]) > 20").Value).PerSecond);
        Assert.Null(Assert.IsType<CounterQuery>(Parse("kube_pod_container_status_restarts_total > 0").Value).Range);
        Assert.Equal(OverTime.Max, Assert.IsType<GaugeQuery>(Parse("""max_over_time(nginx_ingress_controller_nginx_process_connections{state="active"}[1m]) < 5""").Value).Aggregation);
        Assert.Equal(double.NegativeInfinity, Parse("nginx_ingress_controller_nginx_process_connections > -Inf").Threshold);
        Assert.Equal(Comparison.NotEqual, Parse("nginx_ingress_controller_request_duration_seconds_count != 3").Comparison);
    }

    [Theory]
    [InlineData("histogram_quantile(0.99, nginx_ingress_controller_reload_seconds_bucket) > 0.1", 25, "unknown metric 'nginx_ingress_controller_reload_seconds_bucket'")]
    [InlineData("rate(nginx_ingress_controller_requests[5m])", 43, "expected a comparison")]
    [InlineData("rate(nginx_ingress_controller_requests[5m]) > ", 46, "expected a number after the comparison")]
    [InlineData("rate(nginx_ingress_controller_requests[7s]) > 1", 39, "not a whole number of reporting windows")]
    [InlineData("rate(nginx_ingress_controller_requests[5x]) > 1", 39, "is not a duration")]
    [InlineData("nginx_ingress_controller_requests[5m] > 1", 0, "a range selector cannot be used on its own")]
    [InlineData("rate(nginx_ingress_controller_requests) > 1", 0, "takes a counter with a range")]
    [InlineData("rate(nginx_ingress_controller_nginx_process_connections[1m]) > 1", 0, "rate() of a gauge")]
    [InlineData("nginx_ingress_controller_requests{code=\"500\"} > 1", 34, "has no label 'code'")]
    [InlineData("nginx_ingress_controller_requests{status=~\"5(\"} > 1", 42, "invalid regular expression")]
    [InlineData("nginx_ingress_controller_requests{status=\"500\" > 1", 47, "expected ',' or '}'")]
    [InlineData("histogram_quantile(0.9, nginx_ingress_controller_request_duration_seconds_bucket) > 1", 19, "recorded for 0.5, 0.95, 0.99 and 0.999")]
    [InlineData("histogram_quantile(1.5, nginx_ingress_controller_request_duration_seconds_bucket) > 1", 19, "outside (0, 1]")]
    [InlineData("histogram_quantile(0.99, rate(nginx_ingress_controller_request_duration_seconds_bucket[5m])) > 1", 25, "cannot be rebuilt")]
    [InlineData("histogram_quantile(0.99, nginx_ingress_controller_request_duration_seconds_bucket{service=~\"a.*\"}) > 1", 25, "per Service or over all requests")]
    [InlineData("sum(rate(nginx_ingress_controller_requests[5m])) by (service) > 1", 53, "only 'by (le)' is supported")]
    [InlineData("nginx_ingress_controller_request_duration_seconds_bucket > 1", 0, "a histogram cannot be used on its own")]
    [InlineData("absent(nginx_ingress_controller_requests) > 1", 0, "unknown or unsupported function 'absent'")]
    [InlineData("1 > 0", 0, "has no metric")]
    [InlineData("max(nginx_ingress_controller_nginx_process_connections) > 1", 4, "max() takes one of the per-replica nginx gauges")]
    [InlineData("max(nginx_ingress_controller_nginx_process_resident_memory_bytes[1m]) > 1", 4, "max() takes one of the per-replica nginx gauges")]
    [InlineData("kube_pod_container_status_restarts_total > 0 and up", 45, "after the threshold")]
    public void Mistakes_AreReportedAtTheirCharacter(string text, int position, string message)
    {
        var error = Error(text);
        Assert.Contains(message, error.Message);
        Assert.Equal(position, error.Position);
        Assert.False(string.IsNullOrWhiteSpace(error.Hint));
    }

    [Fact]
    public void UnknownMetric_HintsTheClosestName()
    {
        var error = Error("rate(nginx_ingress_controller_request[5m]) > 1");
        Assert.Contains("did you mean 'nginx_ingress_controller_requests'", error.Hint);
    }

    // ---- in a scenario file ----------------------------------------------------------------------

    private static string WithAlerts(string alerts) => Yaml.Valid + "\n  alerts:\n" + alerts;

    [Fact]
    public void Loader_BindsRules_WithDefaults()
    {
        var result = Yaml.Load(WithAlerts("""
                - name: Slow
                  expr: histogram_quantile(0.99, nginx_ingress_controller_request_duration_seconds_bucket) > 0.5
                - name: Restarts
                  severity: critical
                  for: 1m
                  expr: 'rate(kube_pod_container_status_restarts_total{namespace="ingress-nginx"}[5m]) > 0'
            """));
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        var alerts = result.Scenario!.Spec.Alerts;
        Assert.Equal(AlertSeverity.Warning, alerts[0].Severity);
        Assert.Equal(Duration.Zero, alerts[0].For);
        Assert.Equal(AlertSeverity.Critical, alerts[1].Severity);
        Assert.Equal(Duration.FromMinutes(1), alerts[1].For);
    }

    [Fact]
    public void Loader_PointsIntoThePlainExpression()
    {
        // Line 18 of the text; 'expr: ' starts at column 7, the expression at 13, the bad range 39 characters in.
        var error = Yaml.SingleError(Yaml.Load(WithAlerts("""
                - name: Errors
                  expr: rate(nginx_ingress_controller_requests[7s]) > 1
            """)));
        Assert.Equal(ScenarioCodes.AlertRule, error.Code);
        Assert.Equal($"18:{13 + 39}", Yaml.At(error));
        Assert.StartsWith("alert 'Errors': the range 7s is not a whole number of reporting windows (10s)", error.Message);
        Assert.Contains("multiple", error.Hint);
    }

    [Fact]
    public void Loader_PointsIntoAQuotedExpression_PastTheQuote()
    {
        var error = Yaml.SingleError(Yaml.Load(WithAlerts("""
                - name: Errors
                  expr: "nginx_ingress_controller_requests{code=\"5\"} > 1"
            """)));
        Assert.Equal($"18:{13 + 1 + 34}", Yaml.At(error));
    }

    [Fact]
    public void Loader_RejectsDuplicateNames_AndBadSeverity()
    {
        var duplicate = Yaml.SingleError(Yaml.Load(WithAlerts("""
                - {name: A, expr: "kube_pod_container_status_restarts_total > 0"}
                - {name: A, expr: "kube_pod_container_status_restarts_total > 1"}
            """)));
        Assert.Contains("two alerts are named 'A'", duplicate.Message);
        var severity = Yaml.SingleError(Yaml.Load(WithAlerts("""
                - {name: A, severity: page, expr: "kube_pod_container_status_restarts_total > 0"}
            """)));
        Assert.Equal(ScenarioCodes.InvalidValue, severity.Code);
        Assert.Contains("'page' is not one of warning, critical", severity.Message);
    }

    [Fact]
    public void Loader_ChecksRangesAgainstTheScenariosWindow()
    {
        var text = WithAlerts("""
                - {name: A, expr: "increase(nginx_ingress_controller_success[30s]) > 3"}
            """);
        Assert.True(Yaml.Load(text).Succeeded);
        var error = Yaml.SingleError(Yaml.Load(text.Replace("duration: 10m", "duration: 10m\n  window: 20s")));
        Assert.Contains("not a whole number of reporting windows (20s)", error.Message);
    }

    [Fact]
    public void Cost_DefaultsAreTheCitedPrices_AndOverridesBind()
    {
        var defaults = Yaml.Load(Yaml.Valid).Scenario!.Spec.Cost;
        Assert.Equal(ExposureDesign.Ingress, defaults.Exposure);
        Assert.Equal(LoadBalancerPricing.AwsNlb, defaults.LoadBalancer);
        Assert.Equal((0.0225, 0.006, 800.0, 100_000.0), (defaults.Nlb.Hourly, defaults.Nlb.CapacityUnitHourly, defaults.Nlb.NewConnectionsPerSecond, defaults.Nlb.ActiveConnections));
        Assert.Equal((0.008, 25.0, 3_000.0), (defaults.Alb.CapacityUnitHourly, defaults.Alb.NewConnectionsPerSecond, defaults.Alb.ActiveConnections));
        Assert.Equal((0.025, 5, 0.01, 0.008), (defaults.Gcp.FirstRulesHourly, defaults.Gcp.IncludedRules, defaults.Gcp.AdditionalRuleHourly, defaults.Gcp.PerGibProcessed));
        Assert.Equal(730, defaults.HoursPerMonth);

        var set = Yaml.Load(Yaml.Valid + "\n  cost: {exposure: loadBalancerPerService, loadBalancer: awsAlb, alb: {hourly: 0.03}, bytesPerRequest: 10Ki}").Scenario!.Spec.Cost;
        Assert.Equal(ExposureDesign.LoadBalancerPerService, set.Exposure);
        Assert.Equal(0.03, set.Alb.Hourly);
        Assert.Equal(0.008, set.Alb.CapacityUnitHourly); // the other defaults stay
        Assert.Equal(10 * 1024, set.BytesPerRequest.Bytes);
    }
}

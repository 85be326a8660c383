using System.Text.Json.Serialization;
using IngressSim.Engine.Time;
using IngressSim.Scenarios.Binding;

namespace IngressSim.Scenarios.Alerts;

public enum AlertSeverity : byte { Warning, Critical }

/// <summary>
/// An alert rule over the simulated metrics, like a Prometheus alerting rule: evaluated at the end of
/// every reporting window; pending while <see cref="Expr"/> holds, firing once it has held for
/// <see cref="For"/>, resolved when it stops holding. The expression is checked when the scenario loads.
/// </summary>
public sealed record AlertSpec
{
    public required string Name { get; init; }

    public string? Description { get; init; }

    public AlertSeverity Severity { get; init; } = AlertSeverity.Warning;

    /// <summary>
    /// A PromQL-like condition, e.g. <c>histogram_quantile(0.99, nginx_ingress_controller_config_last_reload_duration_seconds_bucket) &gt; 0.1</c>
    /// (docs/scenario-format.md, Alerts).
    /// </summary>
    public required string Expr { get; init; }

    /// <summary>How long the condition must hold before the alert fires (Prometheus <c>for</c>; 0 = at the first window it holds).</summary>
    [JsonPropertyName("for")]
    [Limits("0s", "1d")] public Duration For { get; init; } = Duration.Zero;
}

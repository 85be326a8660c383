namespace IngressSim.Model.Alerts;

/// <summary>One firing of an alert: when it fired, when it resolved (null: still firing at the end), and its most extreme value meanwhile.</summary>
public readonly record struct AlertFiring(double FiredAtSeconds, double? ResolvedAtSeconds, double PeakValue);

/// <summary>An alert rule of the scenario and every time it fired in the run.</summary>
public sealed record AlertResult(string Name, string? Description, string Severity, string Expression, IReadOnlyList<AlertFiring> Firings);

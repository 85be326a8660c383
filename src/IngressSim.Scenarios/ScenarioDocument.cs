using IngressSim.Engine.Time;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Alerts;
using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Cost;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Yaml;
using IngressSim.Scenarios.Cluster;
using IngressSim.Scenarios.Timeline;
using IngressSim.Scenarios.Traffic;
using IngressSim.Scenarios.Variants;

namespace IngressSim.Scenarios;

/// <summary>A scenario file: <c>apiVersion: ingresssim.dev/v1alpha1</c>, <c>kind: Scenario</c>, metadata and spec.</summary>
public sealed record ScenarioDocument : IValidatable
{
    public const string ApiVersionV1Alpha1 = "ingresssim.dev/v1alpha1";
    public const string ScenarioKind = "Scenario";

    public required string ApiVersion { get; init; }
    public required string Kind { get; init; }
    public required ScenarioMetadata Metadata { get; init; }
    public required ScenarioSpec Spec { get; init; }

    public void Validate(ValidationContext context)
    {
        if (ApiVersion != ApiVersionV1Alpha1)
            context.Error("apiVersion", $"unsupported apiVersion '{ApiVersion}'", $"write apiVersion: {ApiVersionV1Alpha1}");
        if (Kind != ScenarioKind)
            context.Error("kind", $"kind '{Kind}' is not a scenario", $"write kind: {ScenarioKind}");
    }
}

public sealed record ScenarioMetadata
{
    public required string Name { get; init; }
    public string? Description { get; init; }
}

/// <summary>What is simulated, for how long, and how results are cut into windows and phases.</summary>
public sealed record ScenarioSpec : IValidatable
{
    /// <summary>Root of every random stream; the same seed gives the same run.</summary>
    public long Seed { get; init; } = 1;

    [Limits("1ms", "400d")] public required Duration Duration { get; init; }

    /// <summary>Reporting window of the time series.</summary>
    [Limits("1ms", "1d")] public Duration Window { get; init; } = Duration.FromSeconds(10);

    public IReadOnlyList<PhaseSpec> Phases { get; init; } = [];

    /// <summary>Named values referenced as <c>${name}</c> anywhere in the spec; <c>--param name=value</c> overrides.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public required TrafficSpec Traffic { get; init; }
    public required ClusterSpec Cluster { get; init; }
    public IReadOnlyList<TimelineEventSpec> Timeline { get; init; } = [];
    public IReadOnlyDictionary<string, VariantSpec> Variants { get; init; } = new Dictionary<string, VariantSpec>();

    /// <summary>Alert rules over the simulated metrics, evaluated at the end of every window (docs/scenario-format.md, Alerts).</summary>
    public IReadOnlyList<AlertSpec> Alerts { get; init; } = [];

    /// <summary>Prices for the monthly cost of the design (docs/scenario-format.md, Cost); defaults from MODEL_FACTS §7.</summary>
    public CostSpec Cost { get; init; } = new();

    public void Validate(ValidationContext context)
    {
        for (int i = 0; i < Phases.Count; i++)
            if (Phases[i].End > Duration)
                context.Error("phases", $"phase '{Phases[i].Name}' ends at {Phases[i].End}, after the simulation ({Duration})",
                    "shorten the phase or lengthen duration", i);
        ReportDuplicates(context, "phases", "phases", Phases.Select(p => p.Name));
        ReportDuplicates(context, "cluster.controllers", "controllers", Cluster.Controllers.Select(c => c.Name));
        ReportDuplicates(context, "traffic.sources", "traffic sources", Traffic.Sources.Select(s => s.Name));
        ReportDuplicates(context, "cluster.fleets", "fleets", Cluster.Fleets.Select(f => f.Name));
        ReportDuplicates(context, "alerts", "alerts", Alerts.Select(a => a.Name));
        for (int i = 0; i < Alerts.Count; i++) CheckAlertExpression(context, i);

        var fleets = Cluster.Fleets.Select(f => f.Name).ToList();
        for (int i = 0; i < Traffic.Sources.Count; i++)
            if (Traffic.Sources[i].Fleet is { } fleet && !fleets.Contains(fleet))
                context.Error("traffic.sources", $"traffic source '{Traffic.Sources[i].Name}' sends to fleet '{fleet}', which is not defined",
                    Suggestions.Hint(fleet, fleets), i);
        for (int i = 0; i < Timeline.Count; i++)
            if (CheckTimelineEvent(Timeline[i], fleets) is { } problem)
                context.Error("timeline", problem.Message, problem.Hint, i);
    }

    private (string Message, string Hint)? CheckTimelineEvent(TimelineEventSpec e, List<string> fleets)
    {
        if (e.At > Duration)
            return ($"a timeline event at {e.At} is after the end of the simulation ({Duration})", "remove it or lengthen duration");
        var controllers = Cluster.Controllers.Select(c => c.Name).ToList();
        var sources = Traffic.Sources.Select(s => s.Name).ToList();
        switch (e)
        {
            case { CrashController: { } crash } when Cluster.Controllers.FirstOrDefault(c => c.Name == crash.Controller) is not { } controller:
                return ($"crashController names controller '{crash.Controller}', which is not defined", Suggestions.Hint(crash.Controller, controllers));
            case { CrashController: { } crash } when crash.Replica >= Cluster.Controllers.First(c => c.Name == crash.Controller).Replicas:
                int replicas = Cluster.Controllers.First(c => c.Name == crash.Controller).Replicas;
                return ($"crashController replica {crash.Replica} does not exist ('{crash.Controller}' has {replicas})", $"use 0 to {replicas - 1}");
            case { Deploys.Fleet: { } fleet } when !fleets.Contains(fleet):
                return ($"deploys names fleet '{fleet}', which is not defined", Suggestions.Hint(fleet, fleets));
            case { Deploys.Until: { } until } when until <= e.At:
                return ($"deploys ends ({until}) before it starts ({e.At})", "make until later than at");
            case { Traffic.Source: { } source } when !sources.Contains(source):
                return ($"traffic change names source '{source}', which is not defined", Suggestions.Hint(source, sources));
            case { LoseNode.Node: var node } when e.LoseNode is not null && node >= Cluster.Nodes:
                return ($"loseNode {node} does not exist (the cluster has {Cluster.Nodes} nodes)", $"use 0 to {Cluster.Nodes - 1}");
            default:
                return null;
        }
    }

    /// <summary>Parses a rule's expression against the window (its evaluation interval); a problem points at its character.</summary>
    private void CheckAlertExpression(ValidationContext context, int index)
    {
        if (AlertExpressionParser.TryParse(Alerts[index].Expr, Window, out _, out var error)) return;
        var node = context.NodeAt("alerts", index) is MappingNode item && item["expr"] is ScalarNode expr ? expr : null;
        var at = node is null ? context.LocationOf("alerts", index) : LocationInScalar(node, error.Position);
        context.Error(ScenarioCodes.AlertRule, $"alert '{Alerts[index].Name}': {error.Message}", at, error.Hint);
    }

    /// <summary>The line and column of a character of a one-line scalar (after its opening quote); a block or multi-line scalar's start otherwise.</summary>
    private static SourceLocation LocationInScalar(ScalarNode scalar, int offset) =>
        scalar.IsBlock || scalar.Value.Contains('\n') || scalar.Origin is not null
            ? scalar.Location
            : scalar.Location with { Column = scalar.Location.Column + (scalar.IsPlain ? 0 : 1) + offset };

    internal static void ReportDuplicates(ValidationContext context, string path, string what, IEnumerable<string> names)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int i = 0;
        foreach (var name in names)
        {
            if (!seen.Add(name)) context.Error(path, $"two {what} are named '{name}'", "give each its own name", i);
            i++;
        }
    }
}
/// <summary>A named time segment results are reported for (e.g. <c>baseline</c>, <c>storm</c>).</summary>
public sealed record PhaseSpec : IValidatable
{
    public required string Name { get; init; }
    public required Duration Start { get; init; }
    public required Duration End { get; init; }

    public void Validate(ValidationContext context)
    {
        if (End <= Start) context.Error("end", $"phase '{Name}' ends ({End}) before it starts ({Start})", "make end later than start");
    }
}

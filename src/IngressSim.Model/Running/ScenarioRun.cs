using System.Diagnostics;
using IngressSim.Engine.Events;
using IngressSim.Engine.Time;
using IngressSim.Model.Alerts;
using IngressSim.Model.ControlPlane;
using IngressSim.Model.Cost;
using IngressSim.Model.Metrics;
using IngressSim.Model.Pipeline;
using IngressSim.Scenarios.Alerts;
using IngressSim.Scenarios.Loading;

namespace IngressSim.Model.Running;

/// <summary>Where a run is, for progress bars: simulated time reached and events processed so far.</summary>
public readonly record struct RunProgress(Instant Now, Instant End, long Events);

/// <summary>
/// One simulation of one loaded scenario (one variant, one seed): builds the cluster on a fresh
/// engine, drives it window by window (reporting progress between windows), and returns the
/// recorded result. Window rows stream to the sink as they close.
/// </summary>
public sealed class ScenarioRun
{
    private readonly LoadedScenario _scenario;
    private readonly ulong _seed;

    public ScenarioRun(LoadedScenario scenario, ulong? seed = null)
    {
        _scenario = scenario;
        _seed = seed ?? unchecked((ulong)scenario.Spec.Seed);
        Simulation = new Simulation(_seed);
        Cluster = ClusterBuilder.Build(scenario, Simulation);
    }

    public RunIdentity Identity => new(_scenario.Name, _scenario.Variant, _seed);
    public Simulation Simulation { get; }
    public Cluster Cluster { get; }
    public RequestPath? Path { get; private set; }

    /// <summary>The recorder of the run in progress (set by <see cref="Execute"/>): its logs so far, for live views between windows.</summary>
    public MetricsRecorder? Metrics { get; private set; }

    public RunResult Execute(IWindowSink sink, Action<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        var spec = _scenario.Spec;
        var end = Instant.Zero + spec.Duration;
        var phases = spec.Phases.Select(p => new RunPhase(p.Name, Instant.Zero + p.Start, Instant.Zero + p.End)).ToArray();
        var rules = spec.Alerts.Select(a => AlertExpressionParser.Parse(a.Expr, spec.Window)).ToArray(); // checked at load
        var sampler = new AlertSampler(rules, sink);
        var metrics = Metrics = new MetricsRecorder(Cluster.SeriesNames, phases, end, sampler, spec.Window);
        var path = Path = new RequestPath(Simulation, Cluster, metrics, end);
        var controlPlane = new ClusterControlPlane(Simulation, _scenario, Cluster, path, metrics, end);
        var gauges = new WindowGauges(Simulation, Cluster, path, controlPlane.Memory, metrics, spec.Window, end);

        long started = Stopwatch.GetTimestamp();
        path.Start();
        gauges.Start();
        controlPlane.Start();
        for (var t = Instant.Zero; t < end;)
        {
            t = Instant.Min(t + spec.Window, end);
            if (Simulation.Run(t, cancellation) == StopReason.Cancelled) throw new OperationCanceledException(cancellation);
            progress?.Invoke(new RunProgress(t, end, Simulation.ProcessedEvents));
        }
        controlPlane.Finish();
        double wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var result = metrics.Finish(Identity, Simulation.ProcessedEvents, wall);
        var replicas = Cluster.Replicas.Select(r => new ReplicaLabels(r.Name, r.Controller.Name, r.Controller.Spec.Namespace)).ToArray();
        var active = sampler.ActiveConnections.Where(double.IsFinite).DefaultIfEmpty(0).Average();
        var traffic = CostEstimator.Traffic(spec.Cost, result, active, Cluster.Controllers.Count, Cluster.Services.Count);
        return result with
        {
            Alerts = new AlertEvaluator(result, sampler, replicas).Evaluate(spec.Alerts, rules),
            Cost = CostEstimator.Estimate(spec.Cost, traffic, Cluster.Services.Count, spec.Cluster.Nodes),
        };
    }
}

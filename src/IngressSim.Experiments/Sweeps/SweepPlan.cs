using System.Reflection;
using System.Security.Cryptography;
using IngressSim.Experiments.Replications;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Sweeps;

namespace IngressSim.Experiments.Sweeps;

/// <summary>
/// A loaded sweep ready to run: its <see cref="Manifest"/> (what defines the results) and the scenario of
/// each point. Unit k's seed depends only on the scenario's seed and its replication index, so replication
/// i sees the same arrivals at every point, and any unit gives the same result wherever it runs.
/// </summary>
public sealed class SweepPlan
{
    private readonly IReadOnlyList<LoadedScenario> _scenarios;

    public SweepPlan(LoadedSweep sweep)
    {
        ulong seed = unchecked((ulong)sweep.Base.Spec.Seed);
        Manifest = new SweepManifest
        {
            Sweep = sweep.Name,
            Description = sweep.Document.Metadata.Description,
            Scenario = sweep.Base.Name,
            ScenarioFile = sweep.Spec.Scenario,
            ScenarioSha256 = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(sweep.ScenarioPath))),
            SimulatorVersion = SimulatorVersion,
            ScenarioSeed = seed,
            Fixed = new SortedDictionary<string, string>(sweep.Fixed.ToDictionary(), StringComparer.Ordinal),
            Dimensions = sweep.Dimensions,
            Replications = sweep.Spec.Replications,
            Seeds = Enumerable.Range(0, sweep.Spec.Replications).Select(i => ReplicationSeed.Of(seed, i)).ToArray(),
            Metrics = sweep.Spec.Metrics,
            Phases = sweep.Phases,
        };
        Fingerprint = Manifest.Fingerprint;
        _scenarios = sweep.Points.Select(p => p.Scenario).ToArray();
    }

    public SweepManifest Manifest { get; }
    public string Fingerprint { get; }

    public LoadedScenario ScenarioOf(SweepUnit unit) => _scenarios[unit.Point];

    /// <summary>The build's version: a unit computed by another build may differ, so it is part of the manifest.</summary>
    private static string SimulatorVersion =>
        typeof(SweepPlan).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}

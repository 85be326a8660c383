using IngressSim.Experiments.Sweeps;
using IngressSim.Scenarios.Sweeps;

namespace IngressSim.Experiments.Tests.Sweeps;

/// <summary>
/// The sweep-small fixture (rate × variant, 4 points × 2 replications of 20 s), and sweep files written
/// next to a copy of its scenario in a test's own folder, to check the loader on variations of it.
/// </summary>
internal sealed class SmallSweep : IDisposable
{
    public static string FixturePath { get; } = Path.Combine(AppContext.BaseDirectory, "Data", "sweep-small.sweep.yaml");

    public static string FixtureText => File.ReadAllText(FixturePath);

    public string Folder { get; } = Directory.CreateTempSubdirectory("ingress-sim-sweep-tests-").FullName;

    public SmallSweep() => File.Copy(Path.Combine(AppContext.BaseDirectory, "Data", "sweep-small.yaml"), Path.Combine(Folder, "sweep-small.yaml"));

    public void Dispose() => Directory.Delete(Folder, recursive: true);

    public string Out(string name) => Path.Combine(Folder, name);

    /// <summary>Writes <paramref name="text"/> as a sweep file next to the scenario and loads it.</summary>
    public SweepLoadResult Load(string text, IReadOnlyDictionary<string, string>? overrides = null)
    {
        string path = Path.Combine(Folder, "test.sweep.yaml");
        File.WriteAllText(path, text);
        return SweepLoader.Load(path, overrides);
    }

    public static SweepPlan Plan(IReadOnlyDictionary<string, string>? overrides = null)
    {
        var load = SweepLoader.Load(FixturePath, overrides);
        Assert.True(load.Sweep is not null, string.Join("\n", load.Diagnostics));
        return new SweepPlan(load.Sweep!);
    }
}

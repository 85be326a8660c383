using System.Diagnostics;
using IngressSim.Experiments.Sweeps;
using IngressSim.Reporting.Sweeps;
using IngressSim.Scenarios.Sweeps;

namespace IngressSim.Cli;

/// <summary>
/// <c>bench sweep</c>: the same sweep run into fresh temporary folders on one worker, on all cores, and as
/// N shards one after another then merged, after a warm-up run. Each figure includes loading the sweep (every
/// point's scenario) and writing its folder, as a real run would; the shards' sum is what N machines
/// spend together, so its ratio to the local run is the cost of distributing, not the wall time of a cluster.
/// </summary>
public static class SweepBenchmark
{
    public static SweepBenchmarkResult Measure(string path, IReadOnlyDictionary<string, string> parameters, int workers, int shards, CancellationToken cancellation)
    {
        string root = Directory.CreateTempSubdirectory("ingress-sim-bench-sweep-").FullName;
        try
        {
            string Folder(string name) => Path.Combine(root, name);
            var warmUp = Local(path, parameters, workers, Folder("warm-up"), cancellation);
            var serial = Local(path, parameters, 1, Folder("serial"), cancellation);
            var parallel = Local(path, parameters, workers, Folder("parallel"), cancellation);
            double shardSeconds = 0;
            for (int k = 0; k < shards; k++)
                shardSeconds += Time(() =>
                {
                    var plan = new SweepPlan(Load(path, parameters));
                    new SweepRunner(workers).Run(plan, SweepFolder.Create(Folder($"shard-{k}"), plan), new SweepShard(k, shards), null, cancellation);
                });
            double mergeSeconds = Time(() => SweepReport.WriteMerged(Folder("merged"),
                SweepMerge.Collect(Enumerable.Range(0, shards).Select(k => Folder($"shard-{k}")).ToArray())));
            int units = warmUp.Units;
            return new SweepBenchmarkResult(
                Units: units, Workers: workers, Shards: shards,
                SerialSeconds: serial.Total, ParallelSeconds: parallel.Total,
                SerialUnitsPerSecond: units / serial.Running, ParallelUnitsPerSecond: units / parallel.Running, SpeedUp: serial.Running / parallel.Running,
                ShardsSeconds: shardSeconds, MergeSeconds: mergeSeconds, ShardAndMergeOverOneRun: (shardSeconds + mergeSeconds) / parallel.Total,
                MergedIdenticalToLocal: SameFiles(Folder("parallel"), Folder("merged")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    /// <summary>A whole local run; <c>Running</c> is the units' part alone (no loading, no report), what units/s measures.</summary>
    private static (int Units, double Running, double Total) Local(string path, IReadOnlyDictionary<string, string> parameters, int workers, string folder, CancellationToken cancellation)
    {
        int units = 0;
        double running = 0;
        double total = Time(() =>
        {
            var plan = new SweepPlan(Load(path, parameters));
            var sweepFolder = SweepFolder.Create(folder, plan);
            running = Time(() => units = new SweepRunner(workers).Run(plan, sweepFolder, SweepShard.All, null, cancellation));
            SweepReport.WriteInto(sweepFolder);
        });
        return (units, running, total);
    }

    private static LoadedSweep Load(string path, IReadOnlyDictionary<string, string> parameters) =>
        SweepLoader.Load(path, parameters).Sweep ?? throw new InvalidOperationException($"{path} stopped loading during the benchmark");

    private static double Time(Action action)
    {
        long started = Stopwatch.GetTimestamp();
        action();
        return Stopwatch.GetElapsedTime(started).TotalSeconds;
    }

    private static bool SameFiles(string a, string b)
    {
        static string[] Files(string root) => Directory.GetFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)).Order(StringComparer.Ordinal).ToArray();
        var files = Files(a);
        return files.SequenceEqual(Files(b)) && files.All(f => File.ReadAllBytes(Path.Combine(a, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(b, f))));
    }
}

/// <summary>
/// The <c>bench sweep</c> figures; a unit is one simulation run (a point's replication). Units/s and the
/// speed-up count the units' running time; the seconds are whole runs (loading and report included).
/// </summary>
public sealed record SweepBenchmarkResult(
    int Units, int Workers, int Shards,
    double SerialSeconds, double ParallelSeconds, double SerialUnitsPerSecond, double ParallelUnitsPerSecond, double SpeedUp,
    double ShardsSeconds, double MergeSeconds, double ShardAndMergeOverOneRun, bool MergedIdenticalToLocal);

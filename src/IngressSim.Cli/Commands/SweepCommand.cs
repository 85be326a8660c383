using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using IngressSim.Cli.Kubernetes;
using IngressSim.Experiments.Sweeps;
using IngressSim.Reporting.Sweeps;
using IngressSim.Scenarios.Sweeps;

namespace IngressSim.Cli.Commands;

/// <summary>
/// <c>ingress-sim sweep SWEEP.yaml</c>: every point × replication of a sweep file on parallel workers, each
/// unit's result saved as it finishes (rerunning resumes), then sweep.csv, sweep.json and plots. With
/// <c>--shard K/N</c> only shard K's units; with <c>--emit-job</c> / <c>--emit-merge-job</c> the Kubernetes
/// Jobs that run the shards on a cluster and merge them.
/// </summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("sweep") { Description = "sweep file (kind: Sweep)", HelpName = "SWEEP" };
        var parameters = PairOptions.Parameters();
        parameters.Description = "override a fixed parameter of the sweep (its set:), e.g. duration=1m; repeat for several";
        var output = new Option<string?>("--out")
        {
            Description = "results folder (default: results/sweeps/<sweep>/); with --emit-job or --emit-merge-job, the manifest file (default: standard output)",
            HelpName = "DIR",
        };
        var parallel = SharedOptions.Parallel();
        var shard = new Option<SweepShard?>("--shard")
        {
            Description = "run only shard K of N (K is 0-based, like Kubernetes' JOB_COMPLETION_INDEX): units k with k mod N = K; combine the shard folders with 'ingress-sim merge'",
            HelpName = "K/N",
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (SweepShard.TryParse(text, out var value, out string error)) return value;
                result.AddError($"--shard {error}");
                return null;
            },
        };
        var emitJob = new Option<bool>("--emit-job") { Description = "print the Kubernetes Indexed Job that runs the sweep's shards instead of running it" };
        var emitMergeJob = new Option<bool>("--emit-merge-job") { Description = "print the Kubernetes Job that merges the shards' folders once the shards Job is complete" };
        var image = new Option<string>("--image") { Description = "container image of the Jobs (see the Dockerfile)", HelpName = "IMAGE", DefaultValueFactory = _ => "ingress-sim:0.1.0" };
        var shards = new Option<int>("--shards") { Description = "shards (pods) of the Job", HelpName = "N", DefaultValueFactory = _ => 4 };
        shards.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 1000) result.AddError("--shards must be between 1 and 1000");
        });
        var pvc = new Option<string>("--pvc") { Description = $"PersistentVolumeClaim (ReadWriteMany) the pods write to, mounted at {SweepJobManifest.MountPath}", HelpName = "NAME", DefaultValueFactory = _ => "ingress-sim-results" };
        var cpus = new Option<int>("--cpus") { Description = "CPUs per shard pod: its request, limit and --parallel", HelpName = "N", DefaultValueFactory = _ => 2 };
        cpus.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 256) result.AddError("--cpus must be between 1 and 256");
        });

        var command = new Command("sweep", "Run a sweep file's grid of parameters and variants with replications, locally or as shards.")
        {
            file, parameters, output, parallel, shard, emitJob, emitMergeJob, image, shards, pvc, cpus,
        };
        command.Validators.Add(result =>
        {
            bool emitting = result.GetResult(emitJob) is not null || result.GetResult(emitMergeJob) is not null;
            if (result.GetResult(emitJob) is not null && result.GetResult(emitMergeJob) is not null)
                result.AddError("--emit-job and --emit-merge-job write one manifest each: give one");
            if (emitting && result.GetResult(shard) is not null)
                result.AddError("--shard runs a shard; --emit-job writes the Job whose pods pass it: give one");
            if (!emitting && new Option[] { image, shards, pvc, cpus }.FirstOrDefault(o => result.GetResult(o) is not null) is { } stray)
                result.AddError($"{stray.Name} goes with --emit-job or --emit-merge-job");
        });
        command.SetAction((parse, cancellation) =>
        {
            string path = parse.GetRequiredValue(file);
            var overrides = parse.GetValue(parameters) ?? new Dictionary<string, string>();
            var sweep = SweepInput.Load(path, overrides);
            if (sweep is null) return Task.FromResult(ExitCodes.BadInput);
            if (parse.GetValue(emitJob) || parse.GetValue(emitMergeJob))
            {
                var options = new SweepJobOptions(path.Replace('\\', '/'), sweep.Name, overrides, parse.GetRequiredValue(image),
                    parse.GetValue(shards), parse.GetRequiredValue(pvc), parse.GetValue(cpus));
                string manifest = parse.GetValue(emitJob) ? SweepJobManifest.Shards(options) : SweepJobManifest.Merge(options);
                if (parse.GetValue(output) is { } target) File.WriteAllText(target, manifest);
                else Console.Out.Write(manifest);
                return Task.FromResult(ExitCodes.Success);
            }
            return Task.FromResult(Run(sweep, parse.GetValue(output) ?? SweepInput.DefaultDirectory(sweep), parse.GetValue(shard) ?? SweepShard.All,
                parse.GetValue(parallel), cancellation));
        });
        return command;
    }

    private static int Run(LoadedSweep sweep, string outputDirectory, SweepShard shard, int workers, CancellationToken cancellation)
    {
        var plan = new SweepPlan(sweep);
        SweepFolder folder;
        try
        {
            folder = SweepFolder.Create(outputDirectory, plan);
        }
        catch (SweepFolderException e)
        {
            return SweepInput.Refuse("sweep", e);
        }
        var runner = new SweepRunner(workers);
        var manifest = plan.Manifest;
        long started = Stopwatch.GetTimestamp();
        int ran = CountProgressView.Run($"{sweep.Name}: units", manifest.Units, report => runner.Run(plan, folder, shard,
            report is null ? null : p => report(p.UnitsDone, p.UnitsPlanned, $"{sweep.Name}: {p.PointsDone}/{p.PointsPlanned} points, {p.UnitsDone}/{p.UnitsPlanned} units"),
            cancellation));
        double wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        int inShard = Enumerable.Range(0, manifest.Units).Count(shard.Contains);
        string counts = string.Create(CultureInfo.InvariantCulture,
            $"{manifest.Points} points × {manifest.Replications} replications: {ran} units run in {wall:0.0} s on {runner.Workers} worker{(runner.Workers == 1 ? "" : "s")}, {inShard - ran} already done");
        if (shard.Count > 1)
        {
            Console.Out.WriteLine($"shard {shard}: {counts} ({inShard} of {manifest.Units} units)");
            Console.Out.WriteLine($"Shard folder: {folder.Path}");
            Console.Out.WriteLine($"When every shard is done: ingress-sim merge SHARD_FOLDER... --out DIR");
            return ExitCodes.Success;
        }
        SweepInput.PrintTables(SweepReport.WriteInto(folder));
        Console.Out.WriteLine(counts);
        Console.Out.WriteLine($"Results: {folder.Path}");
        return ExitCodes.Success;
    }
}

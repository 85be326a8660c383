using IngressSim.Experiments.Tests.Sweeps;
using k8s;
using k8s.Models;

namespace IngressSim.Cli.Tests;

/// <summary>
/// <c>ingress-sim sweep</c> and <c>merge</c> end to end, as separate processes: the bundled smoke sweep,
/// shards run as their own processes and merged into the bytes of a local run, resuming, bad input refused
/// with exit 2 and nothing written, and the emitted Kubernetes Jobs read back with the official client's types.
/// </summary>
public sealed class SweepCommandTests : IDisposable
{
    private const string Fixture = "tests/IngressSim.Cli.Tests/Data/sweep-small.sweep.yaml";

    private readonly string _temp = Directory.CreateTempSubdirectory("ingress-sim-sweep-cli-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private string Out(string name) => Path.Combine(_temp, name);

    private static CliRunner.Outcome BadInput(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.True(r.ExitCode == 2, $"exit {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        Assert.DoesNotContain("   at ", r.Stderr); // no stack trace
        return r;
    }

    [Fact]
    public void BundledSmokeSweep_RunsEndToEnd_IntoCsvJsonPlotsAndUnits()
    {
        var r = CliRunner.RunOk("sweep", "scenarios/sweeps/smoke.yaml", "--out", Out("smoke"));

        Assert.Contains("6 points × 3 replications: 18 units run", r.Stdout);
        Assert.Contains($"Results: {Out("smoke")}", r.Stdout);
        var csv = File.ReadAllLines(Path.Combine(Out("smoke"), "sweep.csv"));
        Assert.Equal(7, csv.Length); // header + 6 points × the whole run (the canary scenario declares no phases)
        Assert.StartsWith("point,weight,testers,variant,phase,replications,p50_ms,", csv[0]);
        Assert.StartsWith("5,50,20/s,base,whole run,3,", csv[6]);
        var files = FolderBytes.Files(Out("smoke")).Keys;
        Assert.Equal(18, files.Count(f => f.StartsWith("units", StringComparison.Ordinal)));
        Assert.Contains("p99_ms-whole-run.png", files);
        Assert.Contains("p99_ms-whole-run-heatmap.png", files); // weight × testers: a two-parameter grid
        Assert.Contains("sweep.json", files);
    }

    [Fact]
    public void BundledSweeps_Validate()
    {
        var r = CliRunner.RunOk("validate", "scenarios/sweeps/smoke.yaml", "scenarios/sweeps/black-friday-deploys-by-controller.yaml");
        Assert.Contains("valid: 0 errors, 0 warnings in 2 files", r.Stdout);
    }

    [Fact]
    public async Task ShardsAsSeparateProcesses_MergeIntoTheLocalRunsBytes()
    {
        var local = Task.Run(() => CliRunner.RunOk("sweep", Fixture, "--out", Out("local"), "--parallel", "2"));
        var shards = Enumerable.Range(0, 3)
            .Select(k => Task.Run(() => CliRunner.RunOk("sweep", Fixture, "--shard", $"{k}/3", "--parallel", "1", "--out", Out($"shard-{k}"))))
            .ToArray();
        await Task.WhenAll([local, .. shards]);
        Assert.Contains("shard 1/3:", (await shards[1]).Stdout);
        Assert.False(File.Exists(Path.Combine(Out("shard-1"), "sweep.csv")), "a shard writes units, not the report");

        var merge = CliRunner.RunOk("merge", Out("shard-0"), Out("shard-1"), Out("shard-2"), "--out", Out("merged"));

        Assert.Contains($"Results: {Out("merged")}", merge.Stdout);
        FolderBytes.AssertSame(Out("local"), Out("merged"));
    }

    [Fact]
    public void Rerun_OnAnInterruptedFolder_RunsOnlyTheMissingUnits()
    {
        CliRunner.RunOk("sweep", Fixture, "--out", Out("run"));
        var before = FolderBytes.Files(Out("run"));
        File.Delete(Path.Combine(Out("run"), "units", "000005.json"));

        var r = CliRunner.RunOk("sweep", Fixture, "--out", Out("run"));

        Assert.Contains("1 units run", r.Stdout);
        Assert.Contains("7 already done", r.Stdout);
        Assert.Equal(before.Keys, FolderBytes.Files(Out("run")).Keys);
        Assert.Equal(before["units/000005.json"], File.ReadAllBytes(Path.Combine(Out("run"), "units", "000005.json")));
    }

    [Fact]
    public void AFolderOfAnotherSweep_IsRefused()
    {
        CliRunner.RunOk("sweep", Fixture, "--shard", "0/4", "--out", Out("run"));

        var r = BadInput("sweep", Fixture, "--param", "duration=15s", "--out", Out("run"));

        Assert.Contains("holds another sweep", r.Stderr);
        Assert.Contains("hint: use another --out", r.Stderr);
    }

    [Fact]
    public void ABadSweepFile_IsReportedLocated_AndNothingIsWritten()
    {
        string file = Out("typo.sweep.yaml");
        File.WriteAllText(file, File.ReadAllText(Path.Combine(CliRunner.RepositoryRoot, Fixture))
            .Replace("scenario: sweep-small.yaml", $"scenario: {Path.Combine(CliRunner.RepositoryRoot, "tests/IngressSim.Cli.Tests/Data/sweep-small.yaml")}")
            .Replace("  replications: 2", "  replicatons: 2"));

        var r = BadInput("sweep", file, "--out", Out("never"));

        Assert.Contains($"{file}:12:3: error SCN012: unknown field 'replicatons' in sweep", r.Stderr);
        Assert.Contains("hint: did you mean 'replications'?", r.Stderr);
        Assert.False(Directory.Exists(Out("never")));
        Assert.Equal(2, BadInput("validate", file).ExitCode);
    }

    [Theory]
    [InlineData("--shard", "3/3", "0-based")]
    [InlineData("--image", "x", "--image goes with --emit-job")]
    public void BadUsage_IsRefused(string option, string value, string message)
    {
        var r = BadInput("sweep", Fixture, option, value, "--out", Out("never"));
        Assert.Contains(message, r.Stderr);
        Assert.False(Directory.Exists(Out("never")));
    }

    [Fact]
    public void Merge_OfAnIncompleteSetOfShards_NamesTheMissingUnits()
    {
        CliRunner.RunOk("sweep", Fixture, "--shard", "1/2", "--out", Out("shard-1"));

        var r = BadInput("merge", Out("shard-1"), "--out", Out("merged"));

        Assert.Contains("ingress-sim merge: 4 of 8 units are missing: 0, 2, 4, 6", r.Stderr);
        Assert.False(Directory.Exists(Out("merged")));
        Assert.Contains("is not a sweep folder", BadInput("merge", _temp, "--out", Out("merged")).Stderr);
        // The output folder is replaced whole: never one holding other files.
        File.WriteAllText(Out("mine.txt"), "keep me");
        Assert.Contains("merge would replace it", BadInput("merge", Out("shard-1"), "--out", _temp).Stderr);
        Assert.True(File.Exists(Out("mine.txt")));
    }

    [Fact]
    public void EmitJob_IsAnIndexedJobWhosePodsRunTheirShard_ReadByTheKubernetesClient()
    {
        CliRunner.RunOk("sweep", "scenarios/sweeps/smoke.yaml", "--param", "duration=10s", "--emit-job", "--shards", "3",
            "--image", "ghcr.io/acme/ingress-sim:0.1.0", "--pvc", "sweep-results", "--cpus", "4", "--out", Out("job.yaml"));

        var job = KubernetesYaml.Deserialize<V1Job>(File.ReadAllText(Out("job.yaml")));

        Assert.Equal("batch/v1", job.ApiVersion);
        Assert.Equal("Job", job.Kind);
        Assert.Equal("smoke-shards", job.Metadata.Name);
        Assert.Equal("Indexed", job.Spec.CompletionMode);
        Assert.Equal(3, job.Spec.Completions);
        Assert.Equal(3, job.Spec.Parallelism);
        var pod = job.Spec.Template.Spec;
        Assert.Equal("Never", pod.RestartPolicy);
        Assert.Equal(1654, pod.SecurityContext.FsGroup);
        var container = Assert.Single(pod.Containers);
        Assert.Equal("ghcr.io/acme/ingress-sim:0.1.0", container.Image);
        Assert.Equal(
            ["sweep", "scenarios/sweeps/smoke.yaml", "--param", "duration=10s", "--shard", "$(JOB_COMPLETION_INDEX)/3", "--parallel", "4",
             "--out", "/results/smoke/shard-$(JOB_COMPLETION_INDEX)"],
            container.Args);
        var index = Assert.Single(container.Env);
        Assert.Equal("JOB_COMPLETION_INDEX", index.Name);
        Assert.Equal("metadata.annotations['batch.kubernetes.io/job-completion-index']", index.ValueFrom.FieldRef.FieldPath);
        Assert.Equal("4", container.Resources.Limits["cpu"].ToString());
        Assert.Equal("/results", Assert.Single(container.VolumeMounts).MountPath);
        var volume = Assert.Single(pod.Volumes);
        Assert.Equal(container.VolumeMounts[0].Name, volume.Name);
        Assert.Equal("sweep-results", volume.PersistentVolumeClaim.ClaimName);
    }

    [Fact]
    public void EmitMergeJob_MergesEveryShardFolder_OnTheSameVolume()
    {
        var r = CliRunner.RunOk("sweep", "scenarios/sweeps/smoke.yaml", "--emit-merge-job", "--shards", "3", "--pvc", "sweep-results");

        var job = KubernetesYaml.Deserialize<V1Job>(r.Stdout);

        Assert.Equal("smoke-merge", job.Metadata.Name);
        Assert.Null(job.Spec.CompletionMode);
        var container = Assert.Single(job.Spec.Template.Spec.Containers);
        Assert.Equal(["merge", "/results/smoke/shard-0", "/results/smoke/shard-1", "/results/smoke/shard-2", "--out", "/results/smoke/merged"], container.Args);
        Assert.Equal("sweep-results", Assert.Single(job.Spec.Template.Spec.Volumes).PersistentVolumeClaim.ClaimName);
    }

    [Fact]
    public void BenchSweep_ReportsSpeedUpAndShardOverhead_AndAMergeIdenticalToTheLocalRun()
    {
        var r = CliRunner.RunOk("bench", "sweep", Fixture, "--shards", "2", "--json");

        var result = System.Text.Json.JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Equal(8, result.GetProperty("units").GetInt32());
        Assert.True(result.GetProperty("speedUp").GetDouble() > 0);
        Assert.True(result.GetProperty("shardAndMergeOverOneRun").GetDouble() > 0);
        Assert.True(result.GetProperty("mergedIdenticalToLocal").GetBoolean());
    }
}

using IngressSim.Experiments.Sweeps;
using IngressSim.Reporting.Sweeps;

namespace IngressSim.Experiments.Tests.Sweeps;

/// <summary>
/// Running a sweep into a folder: the same bytes on one worker or two, an interrupted folder resumed with
/// only its missing units, another sweep's folder refused, and shards merged into a single run's folder.
/// </summary>
public sealed class SweepRunnerTests : IDisposable
{
    private readonly SmallSweep _sweep = new();

    public void Dispose() => _sweep.Dispose();

    private static SweepFolder RunInto(string path, SweepPlan plan, int workers = 2, SweepShard? shard = null)
    {
        var folder = SweepFolder.Create(path, plan);
        new SweepRunner(workers).Run(plan, folder, shard ?? SweepShard.All);
        if (shard is null) SweepReport.WriteInto(folder);
        return folder;
    }

    /// <summary>One local run on two workers, shared by the tests that compare against it.</summary>
    private string Local()
    {
        string path = _sweep.Out("local");
        if (!Directory.Exists(path)) RunInto(path, SmallSweep.Plan());
        return path;
    }

    [Fact]
    public void OneWorkerAndTwo_WriteTheSameFolder()
    {
        RunInto(_sweep.Out("serial"), SmallSweep.Plan(), workers: 1);

        FolderBytes.AssertSame(_sweep.Out("serial"), Local());
        var files = FolderBytes.Files(Local()).Keys;
        Assert.Contains("sweep.csv", files);
        Assert.Contains("p99_ms-steady-heatmap.png", files);
        Assert.Equal(8, files.Count(f => f.StartsWith("units", StringComparison.Ordinal)));
    }

    [Fact]
    public void Resume_RunsOnlyTheMissingUnits_AndEndsWithTheSameBytes()
    {
        string path = _sweep.Out("resumed");
        var plan = SmallSweep.Plan();
        RunInto(path, plan);
        File.Delete(Path.Combine(path, "units", SweepFolder.UnitFileName(3)));
        File.Delete(Path.Combine(path, "units", SweepFolder.UnitFileName(6)));
        File.Delete(Path.Combine(path, "sweep.csv"));

        var folder = SweepFolder.Create(path, plan);
        var progress = new List<SweepProgress>();
        int ran = new SweepRunner(2).Run(plan, folder, SweepShard.All, p => { lock (progress) progress.Add(p); });
        SweepReport.WriteInto(folder);

        Assert.Equal(2, ran);
        Assert.Equal(new SweepProgress(6, 8, 2, 4), progress[0]); // points 1 and 3 each lack a unit
        Assert.Contains(new SweepProgress(8, 8, 4, 4), progress);
        FolderBytes.AssertSame(Local(), path);
    }

    [Fact]
    public void AnotherSweepsFolder_IsRefused_AndLeftAsItWas()
    {
        string path = _sweep.Out("other");
        RunInto(path, SmallSweep.Plan(), shard: new SweepShard(0, 4));
        var before = FolderBytes.Files(path);

        var error = Assert.Throws<SweepFolderException>(() => SweepFolder.Create(path, SmallSweep.Plan(new Dictionary<string, string> { ["duration"] = "15s" })));
        Assert.Contains("holds another sweep", error.Message);
        Assert.Equal(before.Keys, FolderBytes.Files(path).Keys);
    }

    [Fact]
    public void ANonEmptyFolderWithoutManifest_IsRefused()
    {
        string path = _sweep.Out("stuff");
        Directory.CreateDirectory(path);
        File.WriteAllText(Path.Combine(path, "notes.txt"), "mine");

        var error = Assert.Throws<SweepFolderException>(() => SweepFolder.Create(path, SmallSweep.Plan()));
        Assert.Contains("holds no sweep-plan.json", error.Message);
    }

    [Fact]
    public void ThreeShards_MergeIntoTheLocalRunsBytes()
    {
        var plan = SmallSweep.Plan();
        var shards = Enumerable.Range(0, 3).Select(k => RunInto(_sweep.Out($"shard-{k}"), plan, shard: new SweepShard(k, 3)).Path).ToArray();
        // Units 0, 3, 6 in shard 0: k mod N.
        Assert.Equal([0, 3, 6], SweepFolder.Open(shards[0]).Folder.FinishedUnits().Order());

        SweepReport.WriteMerged(_sweep.Out("merged"), SweepMerge.Collect(shards));

        FolderBytes.AssertSame(Local(), _sweep.Out("merged"));
    }

    [Fact]
    public void Merge_MissingUnits_AreListed()
    {
        var plan = SmallSweep.Plan();
        var shard = RunInto(_sweep.Out("half"), plan, shard: new SweepShard(0, 2)).Path;

        var error = Assert.Throws<SweepFolderException>(() => SweepMerge.Collect([shard]));
        Assert.Equal("4 of 8 units are missing: 1, 3, 5, 7", error.Message);
        Assert.Contains("k mod N", error.Hint);
    }

    [Fact]
    public void Merge_FoldersOfDifferentSweeps_AreRefused()
    {
        var a = RunInto(_sweep.Out("a"), SmallSweep.Plan(), shard: new SweepShard(0, 2)).Path;
        var b = RunInto(_sweep.Out("b"), SmallSweep.Plan(new Dictionary<string, string> { ["duration"] = "15s" }), shard: new SweepShard(1, 2)).Path;

        var error = Assert.Throws<SweepFolderException>(() => SweepMerge.Collect([a, b]));
        Assert.Contains("holds another sweep than", error.Message);
    }

    [Fact]
    public void Merge_TwoDifferentResultsForOneUnit_AreRefused_TheSameTwiceIsFine()
    {
        var plan = SmallSweep.Plan();
        var a = RunInto(_sweep.Out("a"), plan, shard: new SweepShard(0, 2)).Path;
        var b = RunInto(_sweep.Out("b"), plan, shard: new SweepShard(1, 2)).Path;
        var again = RunInto(_sweep.Out("again"), plan, shard: new SweepShard(0, 2)).Path;
        Assert.Equal(8, SweepMerge.Collect([a, b, again]).Units.Count);

        string unit = Path.Combine(again, "units", SweepFolder.UnitFileName(2));
        File.WriteAllText(unit, File.ReadAllText(unit).Replace("\"seed\"", "\"seed\" "));
        var error = Assert.Throws<SweepFolderException>(() => SweepMerge.Collect([a, b, again]));
        Assert.StartsWith("unit 2 differs between", error.Message);
    }

    [Fact]
    public void Merge_ADamagedUnit_IsRefused()
    {
        var plan = SmallSweep.Plan();
        var a = RunInto(_sweep.Out("a"), plan, shard: new SweepShard(0, 2)).Path;
        var b = RunInto(_sweep.Out("b"), plan, shard: new SweepShard(1, 2)).Path;
        File.WriteAllText(Path.Combine(b, "units", SweepFolder.UnitFileName(5)), "{\"sweep\": \"x\"");

        var error = Assert.Throws<SweepFolderException>(() => SweepMerge.Collect([a, b]));
        Assert.Contains("is damaged: it is not unit 5's result", error.Message);
    }
}

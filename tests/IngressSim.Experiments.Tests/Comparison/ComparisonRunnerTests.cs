using IngressSim.Experiments.Comparison;
using IngressSim.Experiments.Replications;
using IngressSim.Experiments.Statistics;
using IngressSim.Reporting.Comparison;

namespace IngressSim.Experiments.Tests.Comparison;

public sealed class ComparisonRunnerTests
{
    private static byte[] Exported(IComparisonExporter exporter, ComparisonResult result)
    {
        using var bytes = new MemoryStream();
        exporter.Export(result, bytes);
        return bytes.ToArray();
    }

    [Fact]
    public void Run_OneWorkerAndFour_WriteByteIdenticalComparisons()
    {
        var plan = SmallScenario.Plan(ReplicationRule.Fixed(4), null);

        var serial = new ComparisonRunner(1).Run(plan);
        var parallel = new ComparisonRunner(4).Run(plan);

        Assert.Equal(Exported(new ComparisonJsonExporter(), serial), Exported(new ComparisonJsonExporter(), parallel));
        Assert.Equal(Exported(new ComparisonCsvExporter(), serial), Exported(new ComparisonCsvExporter(), parallel));
    }

    [Fact]
    public void Run_ReplicationIOfEveryVariant_RunsOnTheSameDerivedSeed()
    {
        var result = SmallScenario.FourReplications;

        ulong[] expected = Enumerable.Range(0, 4).Select(i => ReplicationSeed.Of(1, i)).ToArray(); // the fixture's seed: the format's default 1
        Assert.Equal(4, expected.Distinct().Count());
        Assert.All(result.Variants, v => Assert.Equal(expected, v.Seeds));
    }

    [Fact]
    public void Run_VariantThatChangesNothing_DiffersFromBaseByExactlyZero()
    {
        // Only common random numbers make every replication's pair identical; independent seeds would not.
        var unchanged = SmallScenario.FourReplications.Variants.Single(v => v.Name == "unchanged");

        Assert.All(unchanged.Rows, row =>
        {
            Assert.Equal(new Estimate(0, 0, 4), row.P99VsBaseMs);
            Assert.False(row.Significant);
        });
    }

    [Fact]
    public void Run_SlowerPods_HaveASignificantlyHigherP99InEveryPhase()
    {
        var slow = SmallScenario.FourReplications.Variants.Single(v => v.Name == "slow-shop");

        Assert.Equal(["warm", "steady", "whole run"], slow.Rows.Select(r => r.Name));
        Assert.All(slow.Rows, row =>
        {
            Assert.True(row.Significant, row.Name);
            Assert.True(row.P99VsBaseMs!.Value.Lower > 0, row.Name);
        });
    }

    [Fact]
    public void Run_ReportsEveryRunDone()
    {
        var plan = SmallScenario.Plan(ReplicationRule.Fixed(2), "slow-shop");
        var reports = new System.Collections.Concurrent.ConcurrentBag<ComparisonProgress>();

        new ComparisonRunner(2).Run(plan, reports.Add);

        Assert.Equal(Enumerable.Range(1, 4), reports.Select(r => r.RunsDone).Order());
        Assert.All(reports, r => Assert.Equal(4, r.RunsPlanned));
    }

    [Fact]
    public void Run_PrecisionAlreadyMetByThree_StopsAtThree()
    {
        var result = new ComparisonRunner(2).Run(SmallScenario.Plan(ReplicationRule.UntilPrecision(0.5), "slow-shop"));

        Assert.All(result.Variants, v => Assert.Equal(3, v.Replications));
        Assert.True(result.PrecisionReached);
    }

    [Fact]
    public void Run_Precision_AddsReplicationsUntilEveryP99IsKnownWithinTheTarget()
    {
        var plan = SmallScenario.Plan(ReplicationRule.UntilPrecision(0.05), "slow-shop");

        var result = new ComparisonRunner(2).Run(plan);

        int n = result.Base.Replications;
        Assert.True(n > 3, $"{n} replications: the fixture's p99 is not known to ±5 % from three, so rounds were added");
        Assert.True(result.PrecisionReached);
        Assert.InRange(result.WorstP99RelativeHalfWidth, 0, 0.05);
        Assert.All(result.Variants, v => Assert.Equal(n, v.Replications));
        // The rounds change nothing but the count: the same as asking for n replications up front.
        var fixedRun = new ComparisonRunner(2).Run(SmallScenario.Plan(ReplicationRule.Fixed(n), "slow-shop"));
        Assert.Equal(Exported(new ComparisonCsvExporter(), fixedRun), Exported(new ComparisonCsvExporter(), result));
    }

    [Fact]
    public void Run_PrecisionOutOfReach_StopsAtTheCap()
    {
        var result = new ComparisonRunner(2).Run(SmallScenario.Plan(ReplicationRule.UntilPrecision(0.0001, maximum: 5), "slow-shop"));

        Assert.All(result.Variants, v => Assert.Equal(5, v.Replications));
        Assert.False(result.PrecisionReached);
    }
}

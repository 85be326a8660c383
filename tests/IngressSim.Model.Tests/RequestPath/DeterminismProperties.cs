using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// A run is a function of its scenario and seed: the same pair gives the same window rows (every
/// field) and the same result (every figure but the wall time); another seed gives another history.
/// </summary>
public class DeterminismProperties
{
    private static (string Rows, string Summary) Fingerprint(PathScenario scenario, ulong? seed = null)
    {
        var (result, rows) = PathRuns.Execute(scenario.Load(), seed);
        return (rows.Fingerprint(), RowCollector.Summary(result));
    }

    /// <summary>Random scenarios busy enough (a few hundred requests or more, random service times) that two seeds cannot agree by chance.</summary>
    private static readonly Gen<PathScenario> Busy =
        from s in PathScenarioGen.MostlySuccessful
        from rate in Gen.Choose(300, 1500)
        from durationMs in Gen.Choose(1000, 2500)
        from meanUs in Gen.Choose(1000, 30_000)
        select s with { Rate = $"{{constant: {rate}/s}}", Duration = $"{durationMs}ms", ServiceTime = $"{{exponential: {{mean: {meanUs}us}}}}" };

    [Property(MaxTest = 25)]
    public Property Execute_SameScenarioAndSeed_GivesIdenticalRowsAndSummary() =>
        Prop.ForAll(PathScenarioGen.Any.ToArbitrary(), scenario =>
        {
            var first = Fingerprint(scenario);
            var second = Fingerprint(scenario);
            return (first.Rows == second.Rows).Label("window rows differ")
                .And((first.Summary == second.Summary).Label("summaries differ"))
                .And((first.Rows.Length > 0).Label("no rows"));
        });

    [Property(MaxTest = 15)]
    public Property Execute_SameScenarioWithTimelineAndSeed_GivesIdenticalRowsAndSummary() =>
        Prop.ForAll(PathScenarioGen.AnyWithTimeline.ToArbitrary(), scenario =>
        {
            var first = Fingerprint(scenario);
            var second = Fingerprint(scenario);
            return (first.Rows == second.Rows).Label("window rows differ")
                .And((first.Summary == second.Summary).Label("summaries differ"));
        });

    [Property(MaxTest = 15)]
    public Property Execute_DifferentSeeds_GiveDifferentRows(PositiveInt seed) =>
        Prop.ForAll(Busy.ToArbitrary(), scenario =>
        {
            var loaded = scenario.Load();
            ulong a = (ulong)seed.Get, b = (ulong)seed.Get + 1;
            var (resultA, rowsA) = PathRuns.Execute(loaded, a);
            var (resultB, rowsB) = PathRuns.Execute(loaded, b);
            return (rowsA.Fingerprint() != rowsB.Fingerprint()).Label("rows equal")
                .And((RowCollector.Summary(resultA) != RowCollector.Summary(resultB)).Label("summaries equal"))
                .And((resultA.Run.Seed == a && resultB.Run.Seed == b).Label("seed not reported"));
        });

    [Fact]
    public void Execute_SeedOverride_IsTheSameRunAsThatSeedInTheScenario()
    {
        var scenario = new PathScenario { Seed = 11, Rate = "{constant: 500/s}" };

        var fromFile = Fingerprint(scenario with { Seed = 12 });
        var overridden = Fingerprint(scenario, seed: 12);
        var other = Fingerprint(scenario);

        Assert.Equal(fromFile.Rows, overridden.Rows);
        Assert.NotEqual(other.Rows, overridden.Rows);
    }
}

namespace IngressSim.Reporting.Tests;

public class SummaryTableTests
{
    [Fact]
    public void For_HasARowPerPhaseThenTheWholeRun()
    {
        var result = SyntheticRun.Create(seconds: 60);
        var table = Cultures.With("de-DE", () => SummaryTable.For(result));

        Assert.Equal(["Phase", "Requests", "Errors", "p50 ms", "p95 ms", "p99 ms", "p99.9 ms", "max ms", "Reloads"], table.Columns.Select(c => c.Header));
        Assert.Equal(["baseline", "storm", "whole run"], table.Rows.Select(r => r[0]));
        Assert.All(table.Rows, r => Assert.Equal(table.Columns.Count, r.Count));
        Assert.Equal("11,999", table.Rows[2][1]); // invariant grouping even under de-DE
        Assert.Equal("12", table.Rows[1][8]);
        Assert.Contains("synthetic / base (seed 7)", table.Title);
    }
}

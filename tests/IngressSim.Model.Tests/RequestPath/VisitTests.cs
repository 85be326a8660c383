namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// Clients in visits: the request rate still follows the source's rate (from the first window on, as
/// visits are already under way at the start), and whether a visit's requests reuse its keep-alive
/// connection follows from the think time against the idle timeout.
/// </summary>
public class VisitTests
{
    private static PathScenario Visits(string thinkTime, string idleTimeout = "60s") => new()
    {
        Duration = "60s",
        Window = "10s",
        Rate = "{constant: 200/s}",
        Clients = 1_000_000,
        IdleTimeout = idleTimeout,
        Visits = $"requests: 5, thinkTime: {thinkTime}",
    };

    [Fact]
    public void Execute_WithVisits_RequestRateFollowsTheSourceRateFromTheFirstWindow()
    {
        var (result, rows) = PathRuns.Execute(Visits("{exponential: {mean: 4s}}").Load());
        // 200/s × 60 s; Poisson noise over visits of 5 requests is a few percent.
        Assert.InRange(result.Requests, 11_000, 13_000);
        var first = rows.Rows.First(r => r.Series == "all");
        Assert.InRange(first.Statuses.Total, 1_700, 2_300);
    }

    [Fact]
    public void Execute_ThinkTimeWithinIdleTimeout_VisitsReuseTheirConnection()
    {
        var (_, rows) = PathRuns.Execute(Visits("{deterministic: 5s}").Load());
        // One connection per visit of 5 requests on average, once the visits under way at the start
        // (whose connections did not exist before time zero) have sent their next request.
        var later = rows.Rows.Where(r => r.Series == "all" && r.Start.Nanoseconds >= 10_000_000_000L).ToList();
        double perRequest = later.Sum(r => r.NewConnections) / (double)later.Sum(r => r.Statuses.Total);
        Assert.InRange(perRequest, 0.17, 0.23);
    }

    [Fact]
    public void Execute_ThinkTimeBeyondIdleTimeout_EveryRequestReconnects()
    {
        var (result, _) = PathRuns.Execute(Visits("{deterministic: 5s}", idleTimeout: "2s").Load());
        var series = result.Series(PathScenario.ServiceSeries);
        Assert.InRange(series.NewConnections / (double)series.Requests, 0.97, 1.0);
    }

    [Fact]
    public void Execute_SameSeed_VisitsAreDeterministic()
    {
        var scenario = Visits("{lognormal: {median: 3s, p99: 30s}}").Load();
        var (a, rowsA) = PathRuns.Execute(scenario);
        var (b, rowsB) = PathRuns.Execute(scenario);
        Assert.Equal(rowsA.Fingerprint(), rowsB.Fingerprint());
        Assert.Equal(RowCollector.Summary(a), RowCollector.Summary(b));
    }
}

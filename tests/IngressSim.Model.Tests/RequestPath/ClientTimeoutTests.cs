using IngressSim.Model.Metrics;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// A client gives up at its timeout; with a retry policy it tries again after the back-off, and the
/// latency it records runs from the first attempt's intended start to the last attempt's end. Arrivals
/// stop at 2 s and the run lasts long enough for every request to finish, so the counts are exact.
/// </summary>
public class ClientTimeoutTests
{
    private static PathScenario SlowPods(string? retry) => new()
    {
        Duration = "4s",
        Rate = "{steps: [{at: 0s, rate: 20/s}, {at: 2s, rate: 0/s}]}",
        Timeout = "500ms",
        Retry = retry,
        ServiceTime = "{deterministic: 2s}", // every pod is slower than the client's patience
    };

    [Fact]
    public void Execute_PodSlowerThanClientTimeout_EveryRequestIsAClientTimeoutAtExactlyTheTimeout()
    {
        var (result, _, run) = PathRuns.ExecuteRun(SlowPods(retry: null).Load());

        Assert.True(result.Requests >= 20, $"only {result.Requests} requests");
        Assert.Equal(run.Path!.Started, result.Requests);
        Assert.Equal(0, run.Path.InFlight);
        Assert.Equal(result.Requests, result.Statuses[ResponseStatus.ClientTimeout]);
        Assert.Equal(0, result.Retries);
        // The clients' timers tick every millisecond: a timeout fires within 1 ms after its deadline.
        Assert.InRange(result.Latency.MaxMs, 500.0, 501.0);
        Assert.InRange(result.Latency.MeanMs, 500.0, 501.0);
        Assert.Equal(result.Requests, result.Series(PathScenario.ServiceSeries).Statuses[ResponseStatus.ClientTimeout]);
    }

    [Fact]
    public void Execute_PodSlowerThanClientTimeoutWithRetries_CountsEachRetryAndTheWholeWaitAsLatency()
    {
        // Count 2, back-off 100 ms doubling: 500 + 100 + 500 + 200 + 500 = 1800 ms as the client experiences it.
        var (result, _, run) = PathRuns.ExecuteRun(SlowPods(retry: "count: 2, backoff: 100ms, multiplier: 2").Load());

        Assert.True(result.Requests >= 20, $"only {result.Requests} requests");
        Assert.Equal(run.Path!.Started, result.Requests);
        Assert.Equal(0, run.Path.InFlight);
        Assert.Equal(result.Requests, result.Statuses[ResponseStatus.ClientTimeout]);
        Assert.Equal(2 * result.Requests, result.Retries);
        Assert.Equal(2 * result.Requests, result.Series(PathScenario.ServiceSeries).Retries);
        // Three timeouts, each within the 1 ms timer tick.
        Assert.InRange(result.Latency.MaxMs, 1800.0, 1803.0);
        Assert.InRange(result.Latency.MeanMs, 1800.0, 1803.0);
    }

    [Fact]
    public void Execute_TimeoutsWithRetries_OpenANewConnectionPerAttempt()
    {
        // Each retry is a new attempt: the pods start three times as many requests as the clients send.
        var once = PathRuns.ExecuteRun(SlowPods(retry: null).Load()).Result;
        var thrice = PathRuns.ExecuteRun(SlowPods(retry: "count: 2, backoff: 100ms").Load()).Result;

        Assert.Equal(once.Requests, thrice.Requests); // same arrivals (common random numbers)
        var connectionsOnce = once.Series(PathScenario.ServiceSeries).NewConnections;
        var connectionsThrice = thrice.Series(PathScenario.ServiceSeries).NewConnections;
        // A timed-out client closes its connection, so every attempt opens a new one.
        Assert.Equal(once.Requests, connectionsOnce);
        Assert.Equal(3 * thrice.Requests, connectionsThrice);
    }
}

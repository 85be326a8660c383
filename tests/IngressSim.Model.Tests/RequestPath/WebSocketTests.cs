namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// The article's WebSocket edge case (MODEL_FACTS §2): nginx cuts a silent session after
/// proxy-read-timeout (60 s by default; 3600 s is the usual fix), and after a reload old workers keep
/// sessions only until worker-shutdown-timeout (MODEL_FACTS §1).
/// </summary>
public class WebSocketTests
{
    private static PathScenario Sessions(string readTimeout, IReadOnlyList<string>? timeline = null, string shutdown = "240s") => new()
    {
        Duration = "3h",
        Window = "1m",
        Rate = "{steps: [{at: 0s, rate: 2/s}, {at: 5m, rate: 0/s}]}",
        RequestsPerConnection = 1,
        WebSocket = "share: 100%, lifetime: {exponential: {mean: 10m}}",
        ControllerExtras = [$"nginx: {{proxy: {{readTimeout: {readTimeout}}}, workerShutdownTimeout: {shutdown}}}"],
        Timeline = timeline ?? [],
    };

    [Fact]
    public void Execute_SilentSessionsAndDefaultReadTimeout_CutAllLongerThanAMinute()
    {
        var (result, _) = PathRuns.Execute(Sessions("60s").Load());
        var ws = result.WebSockets;
        Assert.True(ws.Sessions > 400);
        // P(lifetime > 60 s) for an exponential with a 10 min mean: e^-0.1 ≈ 0.905.
        Assert.InRange(ws.CutFraction, 0.86, 0.95);
        Assert.Equal(ws.Sessions - ws.Completed, ws.IdleTimeout);
    }

    [Fact]
    public void Execute_ReadTimeoutOfAnHour_LetsAlmostEverySessionComplete()
    {
        var (result, _) = PathRuns.Execute(Sessions("3600s").Load());
        // P(lifetime > 1 h) = e^-6 ≈ 0.25 %.
        Assert.True(result.WebSockets.CutFraction < 0.02, $"{result.WebSockets}");
    }

    [Fact]
    public void Execute_ProxyReadTimeoutAnnotationOnTheIngress_OverridesTheControllerDefault()
    {
        // The article's fix, as users write it: the annotation on the Ingress, the controller left at 60 s.
        var annotated = Sessions("60s") with { IngressAnnotations = "nginx.ingress.kubernetes.io/proxy-read-timeout: \"3600\"" };
        var (result, _) = PathRuns.Execute(annotated.Load());
        Assert.True(result.WebSockets.Sessions > 400);
        Assert.True(result.WebSockets.CutFraction < 0.02, $"{result.WebSockets}");
    }

    [Fact]
    public void Execute_ReloadEvery30s_CutsLongSessionsAtWorkerShutdown()
    {
        var touches = Enumerable.Range(1, 10).Select(i => $"{{at: {i * 30}s, touchIngress: {{ingress: shop}}}}").ToList();
        var (result, _) = PathRuns.Execute(Sessions("3600s", touches, shutdown: "240s").Load());
        var ws = result.WebSockets;
        Assert.True(ws.WorkerShutdown > 0.5 * ws.Sessions, $"{ws}");
        Assert.True(result.Reloads.Count > 0);
    }
}

using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;

namespace IngressSim.Reporting.Tests;

/// <summary>Collects window rows in memory: for tests only (a real run streams them to CSV).</summary>
public sealed class CollectingSink : IWindowSink
{
    public List<SeriesWindow> Rows { get; } = [];

    public void Write(in SeriesWindow row) => Rows.Add(row);
}

/// <summary>
/// A small war-story-shaped run fed through the real recorder: a calm baseline, then a storm with a
/// reload every 2.5 s, latency spikes, 502/504s and client timeouts. Deterministic for a given seed.
/// </summary>
public static class SyntheticRun
{
    public static readonly string[] Series = ["shop/checkout", "shop/cart", "api/search"];

    public static RunResult Create(IWindowSink? sink = null, ulong seed = 7, int seconds = 600, int requestsPerSecond = 200)
    {
        var end = Instant.FromSeconds(seconds);
        var storm = Instant.FromSeconds(seconds / 2);
        var phases = new[] { new RunPhase("baseline", Instant.Zero, storm), new RunPhase("storm", storm, end) };
        var recorder = new MetricsRecorder(Series, phases, end, sink ?? new CollectingSink());
        var random = new RandomStream(seed, "synthetic");
        var gap = Duration.FromSecondsRounded(1.0 / requestsPerSecond);
        var nextReload = storm;
        for (var t = Instant.Zero + gap; t < end; t += gap)
        {
            if (t >= nextReload)
            {
                recorder.RecordReload("nginx", 0, nextReload, Duration.FromMilliseconds(150), 400, 120);
                recorder.RecordEvent(nextReload, "reload", "nginx-0", "deploy churn");
                nextReload += Duration.FromMilliseconds(2500);
            }
            bool inStorm = t >= storm;
            bool nearReload = inStorm && (t - (nextReload - Duration.FromMilliseconds(2500))) < Duration.FromMilliseconds(300);
            int series = random.Next(Series.Length);
            double ms = 20 * Math.Exp(0.6 * Normal(random)) + (nearReload ? 1000 * random.NextDouble() : 0);
            var status = ResponseStatus.Ok2xx;
            double u = random.NextDouble();
            if (u < 0.002) status = ResponseStatus.NotFound404;
            else if (inStorm && u < 0.01) status = nearReload ? ResponseStatus.BadGateway502 : ResponseStatus.GatewayTimeout504;
            else if (nearReload && u < 0.02) { status = ResponseStatus.ClientTimeout; ms = 5000; }
            var intended = t - Duration.FromSecondsRounded(ms / 1000);
            recorder.RecordResponse(series, intended, t, status);
            if (status != ResponseStatus.Ok2xx) recorder.RecordRetry(t, series);
            if (u > 0.99) recorder.RecordNewConnection(t, series);
            if (u > 0.995) recorder.RecordTlsHandshake(t, series, resumed: u > 0.998);
            recorder.SetGauge(t, series, Gauge.ActiveConnections, 100 + series);
        }
        return recorder.Finish(new RunIdentity("synthetic", "base", seed), events: 12_345, wallSeconds: 1.5);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}

using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;

namespace IngressSim.Reporting.Tests;

public class MetricsRecorderTests
{
    private static readonly RunIdentity Run = new("test", "base", 1);

    private static Instant Ms(long ms) => Instant.At(Duration.FromMilliseconds(ms));

    private static MetricsRecorder Recorder(CollectingSink sink, long runSeconds = 30, params RunPhase[] phases) =>
        new(["a", "b"], phases, Instant.FromSeconds(runSeconds), sink);

    [Fact]
    public void RecordResponse_PastWindowEnd_EmitsRowsOfTheClosedWindow()
    {
        var sink = new CollectingSink();
        var recorder = Recorder(sink);
        recorder.RecordResponse(0, Ms(1000), Ms(1020), ResponseStatus.Ok2xx);
        recorder.RecordResponse(1, Ms(2000), Ms(2100), ResponseStatus.GatewayTimeout504);
        Assert.Empty(sink.Rows);

        recorder.RecordResponse(0, Ms(10_000), Ms(10_005), ResponseStatus.Ok2xx);

        Assert.Equal(["a", "b", "all"], sink.Rows.Select(r => r.Series));
        Assert.All(sink.Rows, r => Assert.Equal((Instant.Zero, Instant.FromSeconds(10)), (r.Start, r.End)));
        Assert.Equal(20, sink.Rows[0].Latency.MaxMs, 9);
        Assert.Equal(1, sink.Rows[1].Statuses[ResponseStatus.GatewayTimeout504]);
        Assert.Equal(2, sink.Rows[2].Statuses.Total);
        Assert.Equal(1, sink.Rows[2].Statuses.Errors);
    }

    [Fact]
    public void Latency_IsMeasuredFromIntendedStart()
    {
        var sink = new CollectingSink();
        var recorder = Recorder(sink);
        // The client meant to send at 1 s but was blocked behind a slow connection until 4 s: 3.5 s, not 0.5 s.
        recorder.RecordResponse(0, Ms(1000), Ms(4500), ResponseStatus.Ok2xx);

        var result = recorder.Finish(Run, 0, 0);

        Assert.Equal(3500, result.Latency.MaxMs, 9);
    }

    [Fact]
    public void Windows_WithoutTraffic_EmitOnlyTheAllRow_AndTheLastWindowEndsAtRunEnd()
    {
        var sink = new CollectingSink();
        var recorder = new MetricsRecorder(["a"], [], Instant.FromSeconds(25), sink);
        recorder.RecordResponse(0, Ms(0), Ms(1), ResponseStatus.Ok2xx);

        var result = recorder.Finish(Run, 0, 0);

        Assert.Equal(
            [("a", 0.0, 10.0), ("all", 0.0, 10.0), ("all", 10.0, 20.0), ("all", 20.0, 25.0)],
            sink.Rows.Select(r => (r.Series, r.Start.TotalSeconds, r.End.TotalSeconds)));
        Assert.Equal([1L, 0L, 0L], result.Windows.Select(w => w.Requests));
        Assert.Equal(25, result.Windows[^1].EndSeconds);
        Assert.Equal(25, result.SimulatedSeconds);
    }

    [Fact]
    public void Gauges_HoldTheirValue_AndKeepTheSeriesReported()
    {
        var sink = new CollectingSink();
        var recorder = Recorder(sink);
        recorder.SetGauge(Ms(500), 1, Gauge.ReadyPods, 3);
        recorder.SetGauge(Ms(15_000), 1, Gauge.ReadyPods, 5);
        recorder.SetGauge(Ms(15_000), recorder.AllSeries, Gauge.WorkerGenerations, 2);

        recorder.Finish(Run, 0, 0);

        var b = sink.Rows.Where(r => r.Series == "b").ToArray();
        Assert.Equal([3.0, 5.0, 5.0], b.Select(r => r.Gauges[Gauge.ReadyPods]));
        Assert.True(double.IsNaN(b[0].Gauges[Gauge.ActiveConnections]));
        Assert.DoesNotContain(sink.Rows, r => r.Series == "a");
        Assert.Equal(2, sink.Rows.Last().Gauges[Gauge.WorkerGenerations]);
    }

    [Fact]
    public void CountersPerWindow_RetriesConnectionsAndHandshakes()
    {
        var sink = new CollectingSink();
        var recorder = Recorder(sink);
        recorder.RecordRetry(Ms(100), 0);
        recorder.RecordNewConnection(Ms(100), 0);
        recorder.RecordTlsHandshake(Ms(100), 0, resumed: false);
        recorder.RecordTlsHandshake(Ms(12_000), 0, resumed: true);

        var result = recorder.Finish(Run, 0, 0);

        var a = sink.Rows.Where(r => r.Series == "a").ToArray();
        Assert.Equal([(1L, 1L, 1L, 0L), (0L, 0L, 0L, 1L)], a.Select(r => (r.Retries, r.NewConnections, r.TlsFullHandshakes, r.TlsResumedHandshakes)));
        Assert.Equal((1L, 1L, 1L), (result.Series[0].Retries, result.Series[0].TlsFullHandshakes, result.Series[0].TlsResumedHandshakes));
        Assert.Equal(1, result.Retries);
    }

    [Fact]
    public void Phases_SplitByCompletionTime()
    {
        var sink = new CollectingSink();
        var recorder = Recorder(sink, 30,
            new RunPhase("baseline", Instant.Zero, Instant.FromSeconds(10)),
            new RunPhase("storm", Instant.FromSeconds(20), Instant.FromSeconds(30)));
        recorder.RecordResponse(0, Ms(9_000), Ms(9_010), ResponseStatus.Ok2xx);
        recorder.RecordResponse(0, Ms(9_500), Ms(10_500), ResponseStatus.Ok2xx); // completes after baseline ended: in the gap
        recorder.RecordResponse(1, Ms(20_000), Ms(22_000), ResponseStatus.ClientTimeout);
        recorder.RecordResponse(1, Ms(25_000), Ms(25_050), ResponseStatus.Ok2xx);

        var result = recorder.Finish(Run, 0, 0);

        Assert.Equal(["baseline", "storm"], result.Phases.Select(p => p.Name));
        Assert.Equal(1, result.Phases[0].Requests);
        Assert.Equal(10, result.Phases[0].Latency.MaxMs, 9);
        Assert.Equal(2, result.Phases[1].Requests);
        Assert.Equal(1, result.Phases[1].Statuses[ResponseStatus.ClientTimeout]);
        Assert.Equal(2000, result.Phases[1].Latency.MaxMs, 9);
        Assert.Equal((20.0, 30.0), (result.Phases[1].StartSeconds, result.Phases[1].EndSeconds));
        Assert.Equal(4, result.Requests);
    }

    [Fact]
    public void Reloads_SummarisedOverallAndPerPhase_AndCreditedToTheirStartWindow()
    {
        var sink = new CollectingSink();
        var recorder = Recorder(sink, 30, new RunPhase("storm", Instant.FromSeconds(10), Instant.FromSeconds(30)));
        recorder.RecordReload("nginx", 0, Ms(2_000), Duration.FromMilliseconds(100), 10, 5);
        recorder.RecordResponse(0, Ms(12_000), Ms(12_001), ResponseStatus.Ok2xx);
        // Reported when it ended, in window 2, but it started in window 1.
        recorder.RecordReload("nginx", 0, Ms(19_000), Duration.FromMilliseconds(300), 20, 0);
        recorder.RecordReload("nginx", 1, Ms(19_500), Duration.FromMilliseconds(200), 0, 0);
        recorder.RecordReload("nginx", 0, Ms(22_000), Duration.FromMilliseconds(400), 10, 10);

        var result = recorder.Finish(Run, 0, 0);

        Assert.Equal([1, 2, 1], result.Windows.Select(w => w.Reloads));
        var all = result.Reloads;
        Assert.Equal(4, all.Count);
        Assert.Equal((17.0 + 3.0) / 2, all.MeanIntervalSeconds, 9); // replica 0: 2→19→22 s; replica 1 alone has no interval
        Assert.Equal(200, all.DurationP50Ms); // sorted 100, 200, 300, 400: rank (long)(2 + 0.5) = 2
        Assert.Equal(400, all.DurationMaxMs);
        Assert.Equal((0.5 + 0 + 0 + 1) / 4, all.AffectedConnectionFraction, 12);
        var storm = result.Phases[0].Reloads;
        Assert.Equal(3, storm.Count);
        Assert.Equal(3, storm.MeanIntervalSeconds, 9);
        Assert.Equal([2.0, 19.0, 19.5, 22.0], result.ReloadLog.Select(r => r.Start.TotalSeconds));
    }

    [Fact]
    public void Reloads_NoneOrOne_HaveUndefinedStatistics()
    {
        var result = Recorder(new CollectingSink()).Finish(Run, 0, 0);
        Assert.Equal(0, result.Reloads.Count);
        Assert.True(double.IsNaN(result.Reloads.MeanIntervalSeconds));
        Assert.True(double.IsNaN(result.Reloads.DurationP50Ms));
    }

    [Fact]
    public void Timeline_IsBounded_AndCountsWhatItDropped()
    {
        var recorder = new MetricsRecorder(["a"], [], Instant.FromSeconds(10), new CollectingSink(), logCapacity: 3);
        for (int i = 0; i < 5; i++) recorder.RecordEvent(Ms(i), "deploy", "shop", $"rollout {i}");

        var result = recorder.Finish(Run, 0, 0);

        Assert.Equal(["rollout 0", "rollout 1", "rollout 2"], result.Timeline.Select(e => e.Detail));
        Assert.Equal(2, result.TimelineDropped);
    }

    [Fact]
    public void Finish_CarriesTheRunsIdentityAndCounters()
    {
        var result = Recorder(new CollectingSink()).Finish(new RunIdentity("s", "v", 42), events: 99, wallSeconds: 1.25);
        Assert.Equal((new RunIdentity("s", "v", 42), 99L, 1.25, 10.0), (result.Run, result.Events, result.WallSeconds, result.WindowSeconds));
    }

    [Fact]
    public void Misuse_IsRejected()
    {
        var recorder = Recorder(new CollectingSink());
        Assert.Throws<ArgumentOutOfRangeException>(() => recorder.RecordResponse(recorder.AllSeries, Ms(0), Ms(1), ResponseStatus.Ok2xx));
        Assert.Throws<ArgumentOutOfRangeException>(() => recorder.RecordRetry(Ms(1), 5));
        recorder.RecordResponse(0, Ms(0), Ms(15_000), ResponseStatus.Ok2xx);
        Assert.Throws<ArgumentOutOfRangeException>(() => recorder.RecordResponse(0, Ms(0), Ms(9_000), ResponseStatus.Ok2xx));
        Assert.Throws<ArgumentOutOfRangeException>(() => recorder.RecordResponse(0, Ms(0), Ms(30_000), ResponseStatus.Ok2xx));
        Assert.Throws<ArgumentOutOfRangeException>(() => recorder.RecordReload("nginx", 0, Ms(15_000), Duration.Zero, 1, 2));
        recorder.Finish(Run, 0, 0);
        Assert.Throws<InvalidOperationException>(() => recorder.RecordEvent(Ms(1), "k", "s", "d"));
    }

    [Fact]
    public void Constructor_RejectsOverlappingPhasesAndTheReservedName()
    {
        var sink = new CollectingSink();
        Assert.Throws<ArgumentException>(() => new MetricsRecorder(["all"], [], Instant.FromSeconds(10), sink));
        Assert.Throws<ArgumentException>(() => new MetricsRecorder(["a"],
            [new RunPhase("x", Instant.Zero, Instant.FromSeconds(6)), new RunPhase("y", Instant.FromSeconds(5), Instant.FromSeconds(10))],
            Instant.FromSeconds(10), sink));
        Assert.Throws<ArgumentException>(() => new MetricsRecorder(["a"],
            [new RunPhase("late", Instant.FromSeconds(5), Instant.FromSeconds(11))], Instant.FromSeconds(10), sink));
    }
}

using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;

namespace IngressSim.Reporting.Tests;

/// <summary>Heap measurements are process-wide: run them while no other test allocates.</summary>
[CollectionDefinition(nameof(MemoryMeasurements), DisableParallelization = true)]
public sealed class MemoryMeasurements;

/// <summary>Hot-path cost and memory bounds (issue 4: memory bounded by windows × series, never by requests).</summary>
[Collection(nameof(MemoryMeasurements))]
public class MetricsRecorderMemoryTests
{
    private sealed class DiscardingSink : IWindowSink
    {
        public long Rows;
        public void Write(in SeriesWindow row) => Rows++;
    }

    private static MetricsRecorder Recorder(int series, long runSeconds, IWindowSink sink) =>
        new(Enumerable.Range(0, series).Select(i => $"svc-{i}").ToArray(),
            [new RunPhase("all-day", Instant.Zero, Instant.FromSeconds(runSeconds))],
            Instant.FromSeconds(runSeconds), sink);

    /// <summary>Drives <paramref name="windows"/> 10 s windows with a response per series every 100 ms.</summary>
    private static void Drive(MetricsRecorder recorder, int series, long fromWindow, long windows)
    {
        long step = 100 * Duration.NanosPerMillisecond;
        long end = (fromWindow + windows) * 10 * Duration.NanosPerSecond;
        for (long ns = fromWindow * 10 * Duration.NanosPerSecond + step; ns < end; ns += step)
        {
            var now = new Instant(ns);
            for (int s = 0; s < series; s++)
                recorder.RecordResponse(s, now - Duration.FromMicroseconds(1000 + 37 * s + ns % 5000), now, ResponseStatus.Ok2xx);
        }
    }

    [Fact]
    public void RecordResponse_InSteadyState_AllocatesNothing()
    {
        var recorder = Recorder(4, 1_000, new DiscardingSink());
        Drive(recorder, 4, 0, 2); // first window close
        var t = Instant.FromSeconds(25);
        // The same loop once unmeasured: tiered JIT (and on-stack replacement) settle before counting.
        RecordMany(recorder, t);
        long before = GC.GetAllocatedBytesForCurrentThread();
        RecordMany(recorder, t);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        // One object per call would be ≥ 2.4 MB; the runtime itself (tiered JIT) may allocate a little.
        Assert.True(allocated < 4 * 1024, $"{allocated} bytes over 100 000 responses");
    }

    private static void RecordMany(MetricsRecorder recorder, Instant t)
    {
        for (int i = 0; i < 100_000; i++)
            recorder.RecordResponse(i % 4, t - Duration.FromMicroseconds(500 + i % 20_000), t, (ResponseStatus)(i % ResponseStatuses.Count));
    }

    [Fact]
    public void RetainedMemory_DoesNotGrowWithTheNumberOfWindows()
    {
        const int series = 20;
        var sink = new DiscardingSink();
        var recorder = Recorder(series, 100_000_000, sink);
        Drive(recorder, series, 0, 100);
        long after100 = GC.GetTotalMemory(forceFullCollection: true);
        Drive(recorder, series, 100, 9_900);
        long after10k = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(recorder);

        Assert.Equal(10_000 * (series + 1) - (series + 1), sink.Rows); // every window closed but the current one
        // 9 900 more windows may add their compact "all" point (~200 B each) and nothing per series or request.
        long growth = after10k - after100;
        Assert.True(growth < 9_900 * 400, $"retained memory grew by {growth:N0} bytes over 9 900 windows");
    }
}

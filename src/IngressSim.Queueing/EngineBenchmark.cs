using System.Diagnostics;

namespace IngressSim.Queueing;

/// <summary>
/// Times the engine on M/M/c next to the two yardsticks of <see cref="ReferenceLoops"/>, all on the
/// same machine in the same process: one untimed warm-up, then the best of <c>repeat</c> timed runs
/// (the least-disturbed run is the best estimate of the code's own cost).
/// </summary>
public static class EngineBenchmark
{
    public static EngineBenchmarkResult Measure(MmcParameters p, int repeat)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(repeat, 1);
        MmcResult? engine = null;
        double engineSeconds = Best(repeat, () => engine = new MmcModel(p).Run());
        double loopWait = 0, floorWait = 0;
        double loopSeconds = Best(repeat, () => loopWait = ReferenceLoops.PriorityQueueLoop(p));
        double floorSeconds = Best(repeat, () => floorWait = ReferenceLoops.LindleyRecursion(p));
        double events = 2.0 * p.Customers;
        return new EngineBenchmarkResult(
            Servers: p.Servers,
            ArrivalRate: p.ArrivalRate,
            ServiceRate: p.ServiceRate,
            Customers: p.Customers,
            Seed: p.Seed,
            Repeat: repeat,
            MeanWait: engine!.MeanWait * p.ServiceRate,
            MeanWaitTheory: p.ArrivalRate < p.Servers * p.ServiceRate
                ? QueueingFormulas.MmcMeanWait(p.Servers, p.ArrivalRate, p.ServiceRate) * p.ServiceRate
                : double.NaN,
            Events: engine.Events,
            Seconds: engineSeconds,
            NsPerEvent: engineSeconds * 1e9 / events,
            EventsPerSecond: events / engineSeconds,
            Reference: new ReferenceTimings(
                PriorityQueueLoopNsPerEvent: loopSeconds * 1e9 / events,
                PriorityQueueLoopMeanWait: loopWait * p.ServiceRate,
                LindleyFloorNsPerEvent: floorSeconds * 1e9 / events,
                LindleyFloorMeanWait: floorWait * p.ServiceRate),
            RatioToPriorityQueueLoop: engineSeconds / loopSeconds,
            RatioToLindleyFloor: engineSeconds / floorSeconds);
    }

    private static double Best(int repeat, Action run)
    {
        run(); // warm-up: JIT tiers, caches, buffer growth
        double best = double.PositiveInfinity;
        for (int i = 0; i < repeat; i++)
        {
            long start = Stopwatch.GetTimestamp();
            run();
            best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return best;
    }
}

/// <summary>
/// The <c>bench engine</c> figures. <see cref="MeanWait"/> is in units of 1/μ; ns per event is
/// seconds / (2 × customers): one arrival and one departure per customer.
/// </summary>
public sealed record EngineBenchmarkResult(
    int Servers, double ArrivalRate, double ServiceRate, long Customers, ulong Seed, int Repeat,
    double MeanWait, double MeanWaitTheory, long Events, double Seconds, double NsPerEvent, double EventsPerSecond,
    ReferenceTimings Reference, double RatioToPriorityQueueLoop, double RatioToLindleyFloor);

public sealed record ReferenceTimings(
    double PriorityQueueLoopNsPerEvent, double PriorityQueueLoopMeanWait,
    double LindleyFloorNsPerEvent, double LindleyFloorMeanWait);

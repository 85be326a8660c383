using BenchmarkDotNet.Attributes;
using IngressSim.Queueing;

/// <summary>
/// The <c>bench engine</c> measurement under BenchmarkDotNet: M/M/4, λ = 3.6, μ = 1, on the engine
/// and on the two yardsticks. Per-event cost = mean time / (2 × Customers).
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private MmcParameters _p = null!;

    [Params(1_000_000)]
    public long Customers { get; set; }

    [GlobalSetup]
    public void Setup() => _p = new MmcParameters { Servers = 4, ArrivalRate = 3.6, ServiceRate = 1, Customers = Customers, Seed = 1 };

    [Benchmark(Baseline = true)]
    public double PriorityQueueLoop() => ReferenceLoops.PriorityQueueLoop(_p);

    [Benchmark]
    public double Engine() => new MmcModel(_p).Run().MeanWait;

    [Benchmark]
    public double LindleyFloor() => ReferenceLoops.LindleyRecursion(_p);
}

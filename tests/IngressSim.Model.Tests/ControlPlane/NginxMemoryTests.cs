using FsCheck;
using FsCheck.Xunit;
using IngressSim.Model.Controllers.Nginx;
using IngressSim.Scenarios.Units;

namespace IngressSim.Model.Tests.ControlPlane;

public class NginxMemoryTests
{
    private const long Mi = 1L << 20;

    [Fact]
    public void Bytes_IsBasePlusGenerationsTimesWorkersTimesMemoryPerWorker()
    {
        var memory = new NginxMemory(BaseBytes: 120 * Mi, BytesPerWorker: 80 * Mi, Workers: 8);
        // MODEL_FACTS §1 (#3907): 8 workers → 60+ worker processes, i.e. ~8 generations of 8: ≈ 5 GB.
        Assert.Equal(120 * Mi + 8 * 8 * 80 * Mi, memory.Bytes(8));
        Assert.Equal(1 + 8 * 8, memory.Processes(8));
    }

    [Fact]
    public void Bytes_NoGeneration_IsADownContainerHoldingNothing()
    {
        var memory = new NginxMemory(120 * Mi, 80 * Mi, 2);
        Assert.Equal(0, memory.Bytes(0));
        Assert.Equal(0, memory.Processes(0));
    }

    [Property(MaxTest = 300)]
    public bool Exceeds_ExactlyWhenBytesAreOverTheLimit(NonNegativeInt baseMi, PositiveInt perWorkerMi, PositiveInt workers, PositiveInt generations, PositiveInt limitMi)
    {
        var memory = new NginxMemory(baseMi.Get % 1000 * Mi, (perWorkerMi.Get % 500 + 1) * Mi, workers.Get % 64 + 1);
        int g = generations.Get % 100 + 1;
        // The formula written out independently, and the limit placed on either side of it: reaching it is not exceeding it.
        long expected = baseMi.Get % 1000 * Mi + (long)g * (workers.Get % 64 + 1) * ((perWorkerMi.Get % 500 + 1) * Mi);
        long offset = limitMi.Get % 1000 + 1;
        return memory.Bytes(g) == expected
            && !memory.Exceeds(g, new ByteSize(expected)) && memory.Exceeds(g, new ByteSize(expected - 1))
            && !memory.Exceeds(g, new ByteSize(expected + offset)) && memory.Exceeds(g, new ByteSize(Math.Max(0, expected - offset)))
            && !memory.Exceeds(g, null);
    }

    [Property(MaxTest = 100)]
    public bool Bytes_GrowByOneGenerationOfWorkers(PositiveInt workers, PositiveInt generations)
    {
        var memory = new NginxMemory(120 * Mi, 80 * Mi, workers.Get % 64 + 1);
        int g = generations.Get % 100 + 1;
        return memory.Bytes(g + 1) - memory.Bytes(g) == memory.Workers * 80 * Mi;
    }
}

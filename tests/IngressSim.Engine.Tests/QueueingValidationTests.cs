using IngressSim.Queueing;
using Xunit.Abstractions;

namespace IngressSim.Engine.Tests;

/// <summary>
/// The engine against queueing theory (after SimSharp's MM1Queueing sample, made a test): each
/// simulated mean must fall within its own 95 % batch-means interval of the closed form, widened
/// to 2× so that a fixed seed is not a coin toss (≈ 4 standard errors).
/// </summary>
public class QueueingValidationTests(ITestOutputHelper output)
{
    private const double Widen = 2.0;

    private void AssertWithinInterval(string what, double theory, double simulated, double halfWidth)
    {
        output.WriteLine($"{what}: theory {theory:F5}, simulated {simulated:F5} ± {halfWidth:F5}");
        Assert.True(Math.Abs(simulated - theory) <= Widen * halfWidth,
            $"{what}: simulated {simulated:F5} ± {halfWidth:F5} vs theory {theory:F5}");
        Assert.True(halfWidth < 0.1 * theory, $"{what}: interval ±{halfWidth:F5} too wide to mean anything");
    }

    [Theory]
    [InlineData(1, 0.5, 1.0, 11UL)]
    [InlineData(1, 0.8, 1.0, 12UL)]
    [InlineData(4, 3.6, 1.0, 13UL)]
    [InlineData(8, 6.0, 1.0, 14UL)]
    public void MmcMeanWait_MatchesErlangC(int c, double lambda, double mu, ulong seed)
    {
        var r = new MmcModel(new MmcParameters
        {
            Servers = c, ArrivalRate = lambda, ServiceRate = mu, Customers = 400_000, WarmupCustomers = 10_000, Seed = seed,
        }).Run();
        AssertWithinInterval($"M/M/{c} Wq", QueueingFormulas.MmcMeanWait(c, lambda, mu), r.MeanWait, r.MeanWaitHalfWidth);
        AssertWithinInterval($"M/M/{c} W", QueueingFormulas.MmcMeanSojourn(c, lambda, mu), r.MeanSojourn, r.MeanSojournHalfWidth);
    }

    [Theory]
    [InlineData(0.9, 1.0, 5)]
    [InlineData(1.5, 1.0, 3)]
    public void Mm1kBlocking_MatchesClosedForm(double lambda, double mu, int k)
    {
        var r = new MmcModel(new MmcParameters
        {
            Servers = 1, Capacity = k, ArrivalRate = lambda, ServiceRate = mu, Customers = 300_000, WarmupCustomers = 1000, Seed = 21,
        }).Run();
        AssertWithinInterval($"M/M/1/{k} blocking", QueueingFormulas.Mm1kBlocking(lambda, mu, k), r.BlockingProbability, r.BlockingHalfWidth);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.85)]
    public void Md1MeanWait_MatchesPollaczekKhinchine(double lambda)
    {
        var r = new MmcModel(new MmcParameters
        {
            Servers = 1, ArrivalRate = lambda, ServiceRate = 1, DeterministicService = true,
            Customers = 300_000, WarmupCustomers = 10_000, Seed = 31,
        }).Run();
        AssertWithinInterval($"M/D/1 ρ={lambda} Wq", QueueingFormulas.Md1MeanWait(lambda, 1), r.MeanWait, r.MeanWaitHalfWidth);
    }

    [Fact]
    public void LittlesLaw_LEqualsLambdaW()
    {
        var r = new MmcModel(new MmcParameters
        {
            Servers = 2, ArrivalRate = 1.6, ServiceRate = 1, Customers = 300_000, WarmupCustomers = 10_000, Seed = 41,
        }).Run();
        double lambdaW = r.ThroughputPerSecond * r.MeanSojourn;
        // L and λW come from the same sample path; their difference is bounded by the edge effects
        // plus the sojourn interval scaled by λ.
        AssertWithinInterval("Little L vs λW", lambdaW, r.TimeAverageInSystem, r.ThroughputPerSecond * r.MeanSojournHalfWidth);
    }

    [Fact]
    public void ReferenceLoops_AgreeWithTheEngineOnCommonRandomNumbers()
    {
        // Same streams, one FIFO server ⇒ the same sample path and the same first N customers: the
        // three must agree exactly (up to the engine clock's nanosecond rounding).
        var p = new MmcParameters { Servers = 1, ArrivalRate = 0.9, ServiceRate = 1, Customers = 50_000, Seed = 5 };
        double engine = new MmcModel(p).Run().MeanWait;
        Assert.Equal(ReferenceLoops.LindleyRecursion(p), engine, 6);
        Assert.Equal(ReferenceLoops.PriorityQueueLoop(p), engine, 6);
    }
}

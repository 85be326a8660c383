using IngressSim.Model.Metrics;
using IngressSim.Model.Running;
using IngressSim.Queueing;
using IngressSim.Scenarios.Loading;
using MathNet.Numerics.Distributions;
using Xunit.Abstractions;

namespace IngressSim.Model.Tests.Validation;

/// <summary>
/// The whole request path reduced to M/M/c (scenarios/validation/mmc.yaml: zero network and proxy
/// cost, one pod with c slots) must give the M/M/c sojourn time: mean by Erlang C, p99 from the
/// sojourn distribution. Independent replications (their own seeds) give a 95 % interval for each;
/// the closed form must lie within it, widened 2× so a fixed seed set is not a coin toss.
/// </summary>
public class MmcScenarioTests(ITestOutputHelper output)
{
    private const int Replications = 5;
    private const double Widen = 2.0;

    private sealed class NoRows : IWindowSink
    {
        public void Write(in SeriesWindow row) { }
    }

    private static string ScenarioPath()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "scenarios", "validation", "mmc.yaml");
    }

    [Theory]
    [InlineData(80.0, 1, 100.0, "40m")]   // ρ = 0.8: long busy periods need a long run
    [InlineData(360.0, 4, 100.0, "20m")]  // the engine benchmark's M/M/4, ρ = 0.9, in milliseconds
    [InlineData(600.0, 8, 100.0, "5m")]   // ρ = 0.75
    public void MeanAndP99Latency_MatchTheMmcSojournTime(double arrivalRate, int servers, double serviceRate, string duration)
    {
        var loaded = ScenarioLoader.Load(ScenarioPath(), new ScenarioLoadOptions
        {
            Parameters = new Dictionary<string, string>
            {
                ["arrivalRate"] = arrivalRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["servers"] = servers.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["serviceRate"] = serviceRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["duration"] = duration,
            },
        });
        Assert.True(loaded.Succeeded, string.Join("\n", loaded.Diagnostics));
        var means = new double[Replications];
        var p99s = new double[Replications];
        for (int r = 0; r < Replications; r++)
        {
            var result = new ScenarioRun(loaded.Scenario!, seed: (ulong)(100 + r)).Execute(new NoRows());
            Assert.Equal(0, result.Statuses.Errors);
            means[r] = result.Latency.MeanMs;
            p99s[r] = result.Latency.P99Ms;
        }
        AssertWithin("mean", QueueingFormulas.MmcMeanSojourn(servers, arrivalRate, serviceRate) * 1000, means);
        AssertWithin("p99", QueueingFormulas.MmcSojournQuantile(servers, arrivalRate, serviceRate, 0.99) * 1000, p99s);
    }

    private void AssertWithin(string what, double theory, double[] replications)
    {
        double mean = replications.Average();
        double sd = Math.Sqrt(replications.Sum(x => (x - mean) * (x - mean)) / (replications.Length - 1));
        double halfWidth = StudentT.InvCDF(0, 1, replications.Length - 1, 0.975) * sd / Math.Sqrt(replications.Length);
        output.WriteLine($"{what}: theory {theory:F3} ms, simulated {mean:F3} ± {halfWidth:F3} ms");
        Assert.True(Math.Abs(mean - theory) <= Widen * halfWidth, $"{what}: simulated {mean:F3} ± {halfWidth:F3} ms vs theory {theory:F3} ms");
        Assert.True(halfWidth < 0.1 * theory, $"{what}: interval ±{halfWidth:F3} ms too wide to mean anything");
    }
}

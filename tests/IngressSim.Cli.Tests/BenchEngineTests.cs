using System.Text.Json;

namespace IngressSim.Cli.Tests;

public class BenchEngineTests
{
    [Fact]
    public void BenchEngine_Json_PrintsTheMeasurement()
    {
        var r = CliRunner.Run("bench", "engine", "--servers", "4", "--arrival-rate", "3.6", "--service-rate", "1",
            "--customers", "20000", "--seed", "7", "--repeat", "1", "--json");
        Assert.Equal(0, r.ExitCode);
        using var doc = JsonDocument.Parse(r.Stdout);
        var root = doc.RootElement;
        Assert.Equal(20000, root.GetProperty("customers").GetInt64());
        Assert.True(root.GetProperty("events").GetInt64() >= 40000);
        Assert.True(root.GetProperty("seconds").GetDouble() > 0);
        Assert.True(root.GetProperty("nsPerEvent").GetDouble() > 0);
        Assert.True(root.GetProperty("reference").GetProperty("priorityQueueLoopNsPerEvent").GetDouble() > 0);
        // Erlang C: Wq = 1.969 (units of 1/μ); 20k customers land within 25 %.
        Assert.InRange(root.GetProperty("meanWait").GetDouble(), 1.969 * 0.75, 1.969 * 1.25);
        // The three loops see the same random numbers, so the same waits (one server differs only in
        // which customers count; they are within a few percent).
        Assert.InRange(root.GetProperty("reference").GetProperty("lindleyFloorMeanWait").GetDouble(),
            root.GetProperty("meanWait").GetDouble() * 0.95, root.GetProperty("meanWait").GetDouble() * 1.05);
    }

    [Fact]
    public void BenchEngine_UnstableQueue_IsBadInput()
    {
        var r = CliRunner.Run("bench", "engine", "--servers", "1", "--arrival-rate", "2", "--service-rate", "1", "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("unstable", r.Stderr);
    }
}

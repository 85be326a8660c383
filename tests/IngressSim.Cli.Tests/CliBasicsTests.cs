namespace IngressSim.Cli.Tests;

public class CliBasicsTests
{
    [Fact]
    public void Help_ListsTheCommands()
    {
        var r = CliRunner.Run("--help");
        Assert.Equal(0, r.ExitCode);
        foreach (var command in new[] { "run", "validate", "route", "compare", "bench" })
            Assert.Contains(command, r.Stdout);
    }

    [Fact]
    public void Version_PrintsTheVersion()
    {
        var r = CliRunner.Run("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", r.Stdout.Trim());
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("bench", "engine", "--no-such-option")]
    [InlineData("bench", "engine", "--servers", "abc")]
    public void UnknownCommandOrOption_ExitsWith2_AndAClearMessage(params string[] args)
    {
        var r = CliRunner.Run(args);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("ingress-sim:", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr); // no stack trace
    }
}

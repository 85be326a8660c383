using IngressSim.Model.Metrics;
using IngressSim.Model.Running;
using IngressSim.Scenarios.Loading;

namespace IngressSim.Cli.Tests;

/// <summary>The progress bar only shows on a terminal, which CI never has: drive it on an interactive recording console.</summary>
public class RunProgressViewTests
{
    [Fact]
    public void RunWithProgress_OnAnInteractiveConsole_RendersTheBracketedVariantAndFinishes()
    {
        var loaded = ScenarioLoader.Load(Path.Combine(CliRunner.RepositoryRoot, "scenarios", "examples", "minimal.yaml"));
        Assert.True(loaded.Succeeded);
        var output = new StringWriter();
        var console = RecordingConsole.Interactive(output);
        // "minimal [base]" once crashed Spectre's markup parser: names must be escaped.
        var result = RunProgressView.RunWithProgress(console, new ScenarioRun(loaded.Scenario!), DiscardWindowRows.Instance, CancellationToken.None);
        Assert.True(result.Requests > 0);
        Assert.Contains("minimal [base]", output.ToString());
    }
}

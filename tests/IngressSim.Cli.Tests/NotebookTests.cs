using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace IngressSim.Cli.Tests;

/// <summary>
/// Executes every notebook under <c>notebooks/</c> headless with the local tool dotnet-repl (restored by
/// <c>dotnet tool restore</c> from <c>.config/dotnet-tools.json</c>), as CI must: a cell that throws or does not
/// compile makes dotnet-repl exit non-zero; every cell that shows a plot must have produced an image. The
/// notebooks reference the Release build (<c>src/*/bin/Release</c>), which the README's test command builds.
/// </summary>
public sealed class NotebookTests(ITestOutputHelper output)
{
    /// <summary>A guard against a hung kernel, not a performance bound: a notebook takes about 1–2 min on 2 busy cores.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(10);

    private static string NotebooksFolder => Path.Combine(CliRunner.RepositoryRoot, "notebooks");

    private static string[] NotebookFiles() =>
        Directory.GetFiles(NotebooksFolder, "*.ipynb").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> Notebooks() => new(NotebookFiles());

    [Fact]
    public void TheThreeNotebooksOfIssue6AreThere()
    {
        var names = NotebookFiles();
        Assert.Contains("war-story.ipynb", names);
        Assert.Contains("nginx-vs-envoy.ipynb", names);
        Assert.Contains("queueing-validation.ipynb", names);
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_RunsHeadless_WithoutAFailingCell_AndShowsItsPlots(string notebook)
    {
        Assert.True(AppContext.BaseDirectory.Replace('\\', '/').Contains("/bin/Release/", StringComparison.Ordinal),
            "the notebooks #r the Release build (src/*/bin/Release): run the tests with `dotnet test Simulator.sln -c Release`");

        string executed = Path.Combine(Path.GetTempPath(), $"ingresssim-notebook-{Guid.NewGuid():N}.ipynb");
        try
        {
            var (exitCode, log) = RunDotnetRepl(notebook, executed);
            if (exitCode != 0 && (log.Contains("dotnet tool restore", StringComparison.Ordinal)
                                  || log.Contains("dotnet-dotnet-repl does not exist", StringComparison.Ordinal)))
                Assert.Fail($"the dotnet-repl tool is not installed: run `dotnet tool restore` in the repository root.\n{log}");
            Assert.True(exitCode == 0, $"{notebook}: dotnet-repl exited with {exitCode} (a cell failed)\n{Errors(executed)}\n{log}");

            using var doc = JsonDocument.Parse(File.ReadAllText(executed));
            var codeCells = doc.RootElement.GetProperty("cells").EnumerateArray()
                .Where(c => c.GetProperty("cell_type").GetString() == "code").ToArray();
            Assert.NotEmpty(codeCells);
            int plots = 0;
            foreach (var cell in codeCells)
            {
                string source = Text(cell.GetProperty("source"));
                var outputs = cell.GetProperty("outputs").EnumerateArray().ToArray();
                Assert.DoesNotContain(outputs, o => o.GetProperty("output_type").GetString() == "error");
                if (!source.Contains("ShowPng(", StringComparison.Ordinal) || source.Contains("static void ShowPng", StringComparison.Ordinal)) continue;
                plots++;
                var png = outputs.Where(o => o.TryGetProperty("data", out var d) && d.TryGetProperty("image/png", out _))
                    .Select(o => Convert.FromBase64String(Text(o.GetProperty("data").GetProperty("image/png"))))
                    .FirstOrDefault();
                Assert.True(png is { Length: > 1000 }, $"{notebook}: a plot cell shows no PNG:\n{source}");
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png![..4]);
            }
            Assert.True(plots > 0, $"{notebook} has no plot cell (ShowPng)");
        }
        finally
        {
            File.Delete(executed);
        }
    }

    private (int ExitCode, string Log) RunDotnetRepl(string notebook, string outputPath)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            // The kernel's working directory is the notebook's folder, as in VS Code: the notebooks' paths are relative to it.
            WorkingDirectory = NotebooksFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "dotnet-repl", "--run", notebook, "--exit-after-run", "--output-path", outputPath })
            start.ArgumentList.Add(arg);
        // `dotnet test` leaves MSBuild's variables in the environment; the kernel's own NuGet restore must not see them.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(key);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT"] = "1";

        var log = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.AppendLine(e.Data); };
        var watch = Stopwatch.StartNew();
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{notebook}: still running after {HangGuard.TotalMinutes} min (hung kernel?)\n{log}");
        }
        process.WaitForExit(); // flushes the redirected streams
        output.WriteLine($"{notebook}: dotnet-repl exited with {process.ExitCode} after {watch.Elapsed.TotalSeconds:F0} s");
        lock (log) return (process.ExitCode, log.ToString());
    }

    /// <summary>The error outputs of an executed notebook, for the failure message.</summary>
    private static string Errors(string executed)
    {
        if (!File.Exists(executed)) return "(no output notebook written)";
        using var doc = JsonDocument.Parse(File.ReadAllText(executed));
        return string.Join("\n", doc.RootElement.GetProperty("cells").EnumerateArray()
            .SelectMany(c => c.TryGetProperty("outputs", out var o) ? o.EnumerateArray() : Enumerable.Empty<JsonElement>())
            .Where(o => o.GetProperty("output_type").GetString() == "error")
            .Select(o => $"{o.GetProperty("ename").GetString()}: {o.GetProperty("evalue").GetString()}"));
    }

    /// <summary>An ipynb multi-line string: a string or an array of lines.</summary>
    private static string Text(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? string.Concat(value.EnumerateArray().Select(e => e.GetString())) : value.GetString() ?? "";
}

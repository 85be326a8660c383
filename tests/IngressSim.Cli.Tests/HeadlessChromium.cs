using System.Diagnostics;

namespace IngressSim.Cli.Tests;

/// <summary>
/// Debian's <c>chromium</c>, headless, as the browser test drives it: a fresh profile per launch, no
/// network (every host resolves to nothing), bounded by a timeout after which the whole process tree is killed.
/// </summary>
public static class HeadlessChromium
{
    /// <summary>Set to 1 to skip the browser tests on a machine without chromium; CI installs it and runs them.</summary>
    public const string SkipVariable = "INGRESSSIM_SKIP_BROWSER";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The DOM after the page loaded, serialised.</summary>
    public static string DumpDom(string htmlFile) => Run("--dump-dom", new Uri(htmlFile).AbsoluteUri);

    public static void Screenshot(string htmlFile, string pngFile, int width, int height) =>
        Run($"--screenshot={pngFile}", $"--window-size={width},{height}", new Uri(htmlFile).AbsoluteUri);

    private static string Run(params string[] args)
    {
        string profile = Directory.CreateTempSubdirectory("ingress-sim-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(Executable()) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var flag in (string[])
                [
                    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--host-resolver-rules=MAP * ~NOTFOUND",
                    $"--user-data-dir={profile}",
                ])
                start.ArgumentList.Add(flag);
            foreach (var a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                Assert.Fail($"chromium {string.Join(' ', args)} did not finish in {Timeout.TotalSeconds:0} s (killed)");
            }
            Assert.True(process.ExitCode == 0, $"chromium exited with {process.ExitCode}\n{stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }

    private static string Executable()
    {
        foreach (string folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            string candidate = Path.Combine(folder, "chromium");
            if (File.Exists(candidate)) return candidate;
        }
        Assert.Fail($"chromium is not on PATH: the browser test needs it. Install it (Debian/Ubuntu: apt-get install --no-install-recommends chromium), "
            + $"or set {SkipVariable}=1 to skip the browser test on this machine (CI installs chromium and runs it).");
        return "";
    }
}

/// <summary>A test that loads pages in <see cref="HeadlessChromium"/>: skipped, visibly, only when <c>INGRESSSIM_SKIP_BROWSER=1</c>.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(HeadlessChromium.SkipVariable) == "1")
            Skip = $"{HeadlessChromium.SkipVariable}=1: browser tests skipped";
    }
}

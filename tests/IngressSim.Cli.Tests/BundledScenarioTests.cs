using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IngressSim.Cli.Tests;

/// <summary>
/// The bundled scenarios in <c>scenarios/</c>: every file (and every variant) validates without
/// errors, and each edge-case scenario, run by the real CLI with a short duration, shows the
/// consequence its header promises — read from summary.json, never painted on.
/// </summary>
public sealed partial class BundledScenarioTests : IDisposable
{
    private readonly string _temp = Directory.CreateTempSubdirectory("ingress-sim-bundled-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static string ScenariosFolder => Path.Combine(CliRunner.RepositoryRoot, "scenarios");

    public static TheoryData<string> BundledFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(ScenariosFolder, "*.yaml").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [GeneratedRegex(@"^  variants:\s*$")]
    private static partial Regex VariantsKey();

    [GeneratedRegex(@"^    ([A-Za-z0-9][A-Za-z0-9._-]*):\s*$")]
    private static partial Regex VariantName();

    /// <summary>Variant names: the keys indented under <c>spec.variants</c> (the bundled files' layout).</summary>
    private static List<string> Variants(string file)
    {
        var names = new List<string>();
        bool inside = false;
        foreach (var line in File.ReadLines(Path.Combine(ScenariosFolder, file)))
        {
            if (VariantsKey().IsMatch(line)) { inside = true; continue; }
            if (!inside || line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            if (!line.StartsWith("    ", StringComparison.Ordinal)) break;
            if (VariantName().Match(line) is { Success: true } m) names.Add(m.Groups[1].Value);
        }
        return names;
    }

    [Theory]
    [MemberData(nameof(BundledFiles))]
    public void EveryBundledScenario_AndEachVariant_ValidatesWithoutErrors(string file)
    {
        var path = Path.Combine("scenarios", file);
        foreach (var variant in (string?[])[null, .. Variants(file)])
        {
            var r = variant is null ? CliRunner.Run("validate", path) : CliRunner.Run("validate", path, "--variant", variant);
            Assert.True(r.ExitCode == 0, $"{file} {variant ?? "base"}: exit {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
            Assert.Contains(" 0 errors", r.Stdout);
        }
    }

    [Fact]
    public void TheNewScenarios_AreBundled_WithHeaderAndSchemaLine()
    {
        string[] expected =
        [
            "canary-10-percent.yaml", "sticky-sessions-service-upstream.yaml", "single-controller-spof.yaml",
            "multiple-controllers-no-class.yaml", "websocket-idle-timeout.yaml", "hpa-feedback-loop.yaml",
            "nginx-vs-envoy-1000-ingresses.yaml", "kube-proxy-modes.yaml",
        ];
        foreach (var file in expected)
        {
            var lines = File.ReadAllLines(Path.Combine(ScenariosFolder, file));
            Assert.Equal("# yaml-language-server: $schema=./scenario.schema.json", lines[0]);
            Assert.Contains(lines.TakeWhile(l => l.StartsWith('#')), l => l.Contains("MODEL_FACTS §", StringComparison.Ordinal));
            Assert.NotEmpty(Variants(file));
        }
    }

    // ---- running ---------------------------------------------------------------------------------

    private string Folder(string file, string variant) => Path.Combine(_temp, Path.GetFileNameWithoutExtension(file) + "-" + variant);

    /// <summary>The largest value of a timeseries.csv column over the rows of one series.</summary>
    private double CsvMax(string file, string variant, string series, string column)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder(file, variant), "timeseries.csv"));
        var header = lines[0].Split(',');
        int s = Array.IndexOf(header, "series"), c = Array.IndexOf(header, column);
        Assert.True(c >= 0, $"no column {column}");
        return lines.Skip(1).Select(l => l.Split(',')).Where(f => f[s] == series && f[c].Length > 0)
            .Max(f => double.Parse(f[c], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static JsonObject Phase(JsonObject s, string name) =>
        s["phases"]!.AsArray().Single(p => p!["name"]!.GetValue<string>() == name)!.AsObject();

    private JsonObject Run(string file, string variant, params string[] parameters)
    {
        var folder = Folder(file, variant);
        var args = new List<string> { "run", Path.Combine("scenarios", file), "--variant", variant, "--out", folder };
        foreach (var p in parameters) args.AddRange(["--param", p]);
        var r = CliRunner.Run([.. args]);
        Assert.True(r.ExitCode == 0, $"{file} {variant}: exit {r.ExitCode}\n{r.Stdout}\n{r.Stderr}");
        return JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")))!.AsObject();
    }

    private static long Total(JsonObject s) => s["requests"]!["total"]!.GetValue<long>();

    private static long Status(JsonObject s, string status) => s["requests"]!["byStatus"]![status]!.GetValue<long>();

    private static long Errors(JsonObject s) => Total(s) - Status(s, "2xx");

    private static long SeriesTotal(JsonObject s, string name) =>
        s["series"]!.AsArray().Single(x => x!["name"]!.GetValue<string>() == name)!["requests"]!["total"]!.GetValue<long>();

    private static double Number(JsonObject s, string group, string field) => s[group]![field]!.GetValue<double>();

    [Fact]
    public void Canary_Weight10_SendsAboutTenPercentToTheCanary()
    {
        var s = Run("canary-10-percent.yaml", "base", "duration=2m");
        double share = (double)SeriesTotal(s, "default/shop-canary") / Total(s);
        Assert.InRange(share, 0.07, 0.13);
        Assert.Equal(0, Errors(s));

        var fifty = Run("canary-10-percent.yaml", "weight-50", "duration=2m");
        Assert.InRange((double)SeriesTotal(fifty, "default/shop-canary") / Total(fifty), 0.45, 0.55);
    }

    [Fact]
    public void StickySessions_KeptDirectToPods_BrokenThroughServiceUpstream()
    {
        var direct = Run("sticky-sessions-service-upstream.yaml", "base", "duration=2m");
        var viaService = Run("sticky-sessions-service-upstream.yaml", "service-upstream", "duration=2m");

        Assert.True(Number(direct, "sessionAffinity", "requests") > 10_000, "most requests carry the cookie");
        Assert.True(Number(direct, "sessionAffinity", "brokenFraction") < 0.01, $"direct: {direct["sessionAffinity"]}");
        // 4 pods, kube-proxy picks uniformly: about 1 − 1/4 of the sessions land elsewhere.
        Assert.InRange(Number(viaService, "sessionAffinity", "brokenFraction"), 0.6, 0.9);
    }

    [Fact]
    public void WebSockets_CutByTheDefaultReadTimeout_NotWith3600_CutByWorkerShutdownWhenIngressesChange()
    {
        var defaults = Run("websocket-idle-timeout.yaml", "base", "duration=10m");
        var raised = Run("websocket-idle-timeout.yaml", "read-timeout-3600", "duration=10m");
        var touched = Run("websocket-idle-timeout.yaml", "ingress-touches", "duration=12m");

        double sessions = Number(defaults, "webSockets", "sessions");
        Assert.True(sessions > 500, $"sessions: {sessions}");
        Assert.True(Number(defaults, "webSockets", "cutByIdleTimeout") > 0.5 * sessions, $"base: {defaults["webSockets"]}");

        Assert.True(Number(raised, "webSockets", "sessions") > 200, $"3600: {raised["webSockets"]}");
        Assert.True(Number(raised, "webSockets", "cutByIdleTimeout") < 0.05 * Number(raised, "webSockets", "sessions"), $"3600: {raised["webSockets"]}");

        Assert.True(Number(touched, "reloads", "count") > 5, $"reloads: {touched["reloads"]}");
        Assert.True(Number(touched, "webSockets", "cutByWorkerShutdown") > 0.2 * Number(touched, "webSockets", "sessions"), $"touches: {touched["webSockets"]}");
        Assert.Equal(0, Number(touched, "webSockets", "cutByIdleTimeout"));
    }

    [Fact]
    public void SingleReplica_FailsUntilRestart_TwoReplicasRideItOut()
    {
        var one = Run("single-controller-spof.yaml", "base", "duration=4m");
        var two = Run("single-controller-spof.yaml", "two-replicas", "duration=4m");

        // Down for 60 s at 300 req/s: thousands of failed requests.
        Assert.True(Errors(one) > 5_000, $"one replica: {one["requests"]}");
        Assert.True(Errors(two) * 20 < Errors(one), $"two replicas: {two["requests"]} vs one: {one["requests"]}");
    }

    [Fact]
    public void IngressesWithoutClass_AreNotServed_UntilAClassIsDefault()
    {
        var lint = CliRunner.Run("validate", "scenarios/multiple-controllers-no-class.yaml");
        Assert.Contains("warning LNT002", lint.Stdout);

        var none = Run("multiple-controllers-no-class.yaml", "base", "duration=1m");
        var withDefault = Run("multiple-controllers-no-class.yaml", "default-class", "duration=1m");

        Assert.True(Total(none) > 1_000);
        Assert.Equal(Total(none), Status(none, "404"));
        Assert.Equal(0, Status(withDefault, "404"));
        Assert.Equal(Total(withDefault), Status(withDefault, "2xx"));
    }

    /// <summary>
    /// The war story from its mechanisms (MODEL_FACTS §10), on a shortened run (3 minutes of storm):
    /// baseline p99 ≈ 200 ms; in the storm a reload at the sync limit, a share of the open connections
    /// disturbed by each, SYNs lost from retired listeners push p99 past a second and clients time out
    /// and retry; Contour (no reloads) keeps the storm at baseline latency.
    /// </summary>
    [Fact]
    public void WarStory_ReloadStormFromMechanisms_ContourRemovesIt()
    {
        const string file = "black-friday-reload-storm.yaml";
        var nginx = Run(file, "base", "duration=18m");
        var contour = Run(file, "contour", "duration=18m");

        double baselineP99 = Number(Phase(nginx, "baseline"), "latencyMs", "p99");
        Assert.InRange(baselineP99, 150, 300);
        var storm = Phase(nginx, "storm");
        Assert.InRange(Number(storm, "reloads", "meanIntervalSeconds"), 3.3, 4.5);
        Assert.InRange(Number(storm, "reloads", "affectedConnectionFraction"), 0.2, 0.45);
        double stormP99 = Number(storm, "latencyMs", "p99");
        Assert.True(stormP99 > 4 * baselineP99, $"storm p99 {stormP99} ms vs baseline {baselineP99} ms");
        long retries = nginx["retries"]!.GetValue<long>();
        Assert.True(retries > 1_000, $"timeouts and retries in the storm: {retries}");

        var contourStorm = Phase(contour, "storm");
        Assert.Equal(0, contourStorm["reloads"]!["count"]!.GetValue<long>());
        Assert.True(Number(contourStorm, "latencyMs", "p99") < 1.3 * Number(Phase(contour, "baseline"), "latencyMs", "p99"));
        Assert.True(contour["retries"]!.GetValue<long>() < retries / 20, "without reloads almost nothing times out");
    }

    [Fact]
    public void HpaFeedbackLoop_ScalingChurnReloads_OnlyWithReloadOnEndpointChange()
    {
        const string file = "hpa-feedback-loop.yaml";
        var legacy = Run(file, "base", "duration=8m");
        var dynamic = Run(file, "dynamic-endpoints", "duration=8m");

        var surge = Phase(legacy, "surge");
        // latency → timeouts → retries → CPU → scale-up: the clients give up and retry, the HPA adds pods.
        Assert.True(Status(surge, "client_timeout") > 1_000, $"surge: {surge["requests"]}");
        Assert.True(legacy["retries"]!.GetValue<long>() > 1_000);
        Assert.True(CsvMax(file, "base", "default/api-1", "ready_pods") >= 8, "the HPA scales api-1 up");
        Assert.True(CsvMax(file, "dynamic-endpoints", "default/api-1", "ready_pods") >= 8, "the same scaling without reloads");
        // → churn → reloads, capped by the 0.3/s sync rate limit per replica.
        long surgeReloads = surge["reloads"]!["count"]!.GetValue<long>();
        long baselineReloads = Phase(legacy, "baseline")["reloads"]!["count"]!.GetValue<long>();
        Assert.True(surgeReloads > 30, $"surge reloads: {surgeReloads}");
        Assert.True(surgeReloads > 5 * Math.Max(1, baselineReloads), $"surge {surgeReloads} vs baseline {baselineReloads}");
        Assert.True(surge["reloads"]!["meanIntervalSeconds"]!.GetValue<double>() < 8);
        Assert.Equal(0, dynamic["reloads"]!["count"]!.GetValue<long>());
    }

    [Fact]
    public void NginxReloadCost_GrowsWithIngresses_EnvoyDoesNotReload()
    {
        const string file = "nginx-vs-envoy-1000-ingresses.yaml";
        string[] p = ["duration=2m", "deployRate=6/min"];
        double ReloadP50(JsonObject s) => s["reloads"]!["durationMs"]!["p50"]!.GetValue<double>();
        var small = Run(file, "small-100", p);
        var medium = Run(file, "base", p);
        var large = Run(file, "large-5000", p);
        var envoy = Run(file, "envoy", p);

        // ReloadCost = base + perItem × items: 150 ms + 120 µs × (a few items per Ingress).
        Assert.InRange(ReloadP50(small), 150, 300);
        Assert.True(ReloadP50(medium) > ReloadP50(small) + 200, $"{ReloadP50(small)} → {ReloadP50(medium)}");
        Assert.True(ReloadP50(large) > 3 * ReloadP50(medium), $"{ReloadP50(medium)} → {ReloadP50(large)}");
        Assert.True(medium["reloads"]!["count"]!.GetValue<long>() >= 4);
        Assert.Equal(0, envoy["reloads"]!["count"]!.GetValue<long>());
        // Reloads close keep-alive connections: nginx clients reconnect (TLS 1.2) far more often.
        Assert.True(Number(medium, "latencyMs", "p50") > Number(envoy, "latencyMs", "p50") * 1.3,
            $"nginx p50 {medium["latencyMs"]!["p50"]} vs envoy {envoy["latencyMs"]!["p50"]}");
        Assert.Equal(Total(envoy), Status(envoy, "2xx"));
    }

    [Fact]
    public void KubeProxy_StaleRulesGive502sDuringARollout_OnlyThroughServiceUpstream()
    {
        const string file = "kube-proxy-modes.yaml";
        var viaService = Run(file, "base", "duration=2m");
        var direct = Run(file, "direct-to-pods", "duration=2m");

        Assert.Equal(0, Status(Phase(viaService, "steady"), "502"));
        long rollout502 = Status(Phase(viaService, "rollout"), "502");
        Assert.True(rollout502 > 20, $"rollout: {Phase(viaService, "rollout")["requests"]}");
        Assert.True(rollout502 < 0.05 * Total(Phase(viaService, "rollout")), "stale for about a second per step, not for the whole rollout");
        Assert.Equal(0, Status(direct, "502"));
    }

    [Fact]
    public void KubeProxy_IptablesFirstPacketLatency_AboveNftablesAt5kServices_SubMillisecond()
    {
        const string file = "kube-proxy-modes.yaml";
        var iptables = Run(file, "base", "duration=70s", "services=5000");
        var nftables = Run(file, "nftables", "duration=70s", "services=5000");

        // MODEL_FACTS §4: p50 0.049 ms (iptables, 5k Services) vs 0.014 ms (nftables) per new connection.
        double gap = Number(iptables, "latencyMs", "mean") - Number(nftables, "latencyMs", "mean");
        Assert.InRange(gap, 0.01, 0.5);
    }
}

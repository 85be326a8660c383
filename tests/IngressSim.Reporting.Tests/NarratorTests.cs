using System.Text;
using System.Text.Json.Nodes;
using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;
using IngressSim.Model.Workloads.Autoscaling;
using IngressSim.Reporting.Narrative;

namespace IngressSim.Reporting.Tests;

/// <summary>
/// A run shaped for one narrative rule, fed through the real recorder: <paramref name="rps"/> requests a
/// second of one series with the latency and error rate of that second; <c>eachSecond</c> adds events.
/// </summary>
internal static class NarrativeRun
{
    public static RunResult Build(int seconds, Func<int, double> latencyMs, Func<int, double>? errorRate = null,
        Action<MetricsRecorder, int>? eachSecond = null, int rps = 50, RunPhase[]? phases = null)
    {
        var end = Instant.FromSeconds(seconds);
        var recorder = new MetricsRecorder(["default/shop"], phases ?? [], end, new CollectingSink());
        for (int s = 0; s < seconds; s++)
        {
            eachSecond?.Invoke(recorder, s);
            int errors = (int)Math.Round((errorRate?.Invoke(s) ?? 0) * rps);
            for (int i = 0; i < rps; i++)
            {
                var t = Instant.FromSeconds(s) + Duration.FromSecondsRounded((i + 0.5) / rps);
                var latency = Duration.FromSecondsRounded(Math.Min(latencyMs(s) / 1000, t.TotalSeconds));
                recorder.RecordResponse(0, t - latency, t, i < errors ? ResponseStatus.GatewayTimeout504 : ResponseStatus.Ok2xx);
            }
        }
        return recorder.Finish(new RunIdentity("narrative-test", "base", 1), events: 1, wallSeconds: 0);
    }

    public static HpaScaleRecord Scale(int second, string service, int from, int to, int utilization = 92) =>
        new(Instant.FromSeconds(second), service, 70, 0.1, 1, 50, new HpaDecision(HpaPath.Metrics, from, to,
            new CpuRecommendation(to, utilization, utilization / 70.0, null, from, 0, 0, 0, RecommendationOutcome.Scaled), to, to + 4, null, HpaLimit.None));
}

public class NarratorTests
{
    private static string Json(RunResult result)
    {
        using var stream = new MemoryStream();
        new NarrativeJsonExporter().Export(result, stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static IEnumerable<NarrativeEntry> Of(IReadOnlyList<NarrativeEntry> entries, string kind) => entries.Where(e => e.Kind == kind);

    [Fact]
    public void Build_ReloadEveryTwoAndAHalfSeconds_OneLinePerRegimeNotPerReload()
    {
        var result = SyntheticRun.Create(seconds: 600);
        Assert.Equal(120, result.ReloadLog.Count);

        var entries = Narrator.Build(result);

        var reloads = Of(entries, "reloads").ToList();
        Assert.InRange(reloads.Count, 1, 2); // the start of the storm, perhaps a reminder
        Assert.StartsWith("reloads begin: reloads every 2.5 s (24 in the last minute, 150 ms each); 30 % of the 9,600 connections on retired workers were disturbed", reloads[0].Text);
        Assert.Equal(360, reloads[0].AtSeconds);
        Assert.Contains(entries, e => e.Kind == "phase" && e.Text == "phase storm begins (until 10:00)" && e.AtSeconds == 300);
        Assert.Equal("summary", entries[^1].Kind);
        Assert.Contains("120 reloads", entries[^1].Text);
    }

    [Fact]
    public void Build_P99CrossesOneSecondAndReturns_FirstTimeThenBackUnderAfterTwoQuietMinutes()
    {
        var result = NarrativeRun.Build(600, s => s is >= 180 and < 300 ? 1500 : 100);

        var latency = Of(Narrator.Build(result), "latency").ToList();

        var up = Assert.Single(latency, e => e.Text.Contains("p99 above 1.0 s for the first time", StringComparison.Ordinal));
        Assert.Equal(240, up.AtSeconds);
        Assert.Contains("1.5 s in the window at 03:00", up.Text);
        Assert.Contains("p50 up from 100 ms to 1.5 s", up.Text); // one latency line per minute
        // The first calm minute is not the end yet: two in a row are.
        var down = Assert.Single(latency, e => e.Text.Contains("p99 back under 1.0 s", StringComparison.Ordinal));
        Assert.Equal(420, down.AtSeconds);
        Assert.Contains(latency, e => e.Text == "p50 down from 1.5 s to 100 ms" && e.AtSeconds == 360);
    }

    [Fact]
    public void Build_ClientsRetrying_NarratesTheRetriesThatErrorCountsDoNotShow()
    {
        // From 2:00 on, 3 of every second's 50 requests time out and are retried: slow successes, no errors.
        var result = NarrativeRun.Build(300, _ => 50, eachSecond: (recorder, s) =>
        {
            if (s < 120) return;
            for (int i = 0; i < 3; i++) recorder.RecordRetry(Instant.FromSeconds(s), 0);
        });

        var narrative = Narrator.Build(result);
        var retries = Assert.Single(Of(narrative, "retries"));
        Assert.Equal("client retries above 5 % for the first time (180 in the last minute, 6 % of requests: clients timing out or reset, and trying again)", retries.Text);
        Assert.Equal("03:00", retries.Clock);
        Assert.Empty(Of(narrative, "errors"));
    }

    [Fact]
    public void Build_ErrorRateRises_NarratesTheLevelWithTheStatuses()
    {
        var result = NarrativeRun.Build(300, _ => 50, s => s >= 120 ? 0.1 : 0);

        var errors = Assert.Single(Of(Narrator.Build(result), "errors"));

        Assert.Equal("errors above 5 % for the first time (10 % of requests in the last minute: 504 ×300)", errors.Text);
        Assert.Equal("03:00", errors.Clock);
    }

    [Fact]
    public void Build_ManyHpaDecisionsInAMinute_AggregatedWithTheLargest()
    {
        var result = NarrativeRun.Build(240, _ => 50, eachSecond: (recorder, s) =>
        {
            if (s is >= 60 and < 97) recorder.RecordHpaScale(NarrativeRun.Scale(s, $"default/svc-{s - 60}", 3, s == 72 ? 9 : 4));
        });

        var hpa = Assert.Single(Of(Narrator.Build(result), "hpa"));

        Assert.Equal("HPA scaled 37 services up (+42 pods) in the last minute; largest default/svc-12 3 → 9 (CPU 92 % of request, target 70 %)", hpa.Text);
        Assert.Equal(120, hpa.AtSeconds);
    }

    [Fact]
    public void Build_OneHpaDecision_TellsItWithItsCpu()
    {
        var result = NarrativeRun.Build(180, _ => 50, eachSecond: (recorder, s) =>
        {
            if (s == 75) recorder.RecordHpaScale(NarrativeRun.Scale(s, "default/svc-17", 3, 6));
        });

        var hpa = Assert.Single(Of(Narrator.Build(result), "hpa"));

        Assert.Equal("HPA scales default/svc-17 3 → 6 (CPU 92 % of request, target 70 %)", hpa.Text);
    }

    [Fact]
    public void Build_DeployRateRises_NarratesTheRatePerDay()
    {
        // One deploy every 172.8 s is 500/day; 10 per minute would be 14,400/day.
        var result = NarrativeRun.Build(1800, _ => 50, eachSecond: (recorder, s) =>
        {
            if (s >= 600 && s % 6 == 0) recorder.RecordEvent(Instant.FromSeconds(s), "deploy", $"default/svc-{s % 7}", "revision 2");
            else if (s < 600 && s % 400 == 0) recorder.RecordEvent(Instant.FromSeconds(s), "deploy", "default/svc-1", "revision 1");
        });

        var deploys = Of(Narrator.Build(result), "deploys").ToList();

        Assert.Contains(deploys, d => d.Text == "deploy default/svc-1 (revision 1)");
        Assert.Contains(deploys, d => d.Text.StartsWith("deploys now ~", StringComparison.Ordinal) && d.Text.Contains("/day", StringComparison.Ordinal));
        Assert.True(deploys.Count <= 6, string.Join("\n", deploys));
    }

    [Fact]
    public void Build_EventsEveryFewSecondsForHours_HardCapWithTheSummaryLast()
    {
        var result = NarrativeRun.Build(3 * 3600, s => s % 120 < 60 ? 100 : 3000, s => s % 240 < 120 ? 0 : 0.3, rps: 2, eachSecond: (recorder, s) =>
        {
            if (s % 5 == 0) recorder.RecordEvent(Instant.FromSeconds(s), "crash", $"default/shop-{s % 3}", "pod process died");
        });

        var entries = Narrator.Build(result);

        Assert.Equal(Narrator.MaxEntries, entries.Count);
        Assert.Equal("summary", entries[^1].Kind);
        Assert.Matches(@"\(\d+ more narrative lines left out to keep it short\)$", entries[^1].Text);
        Assert.Equal(entries.OrderBy(e => e.AtSeconds).ToList(), entries.ToList());
        Assert.Equal("3:00:00", entries[^1].Clock);
    }

    [Fact]
    public void Advance_WindowByWindowWithReloadsReportedLate_SameEntriesAsBuild()
    {
        var result = SyntheticRun.Create(seconds: 900);
        var phases = result.Phases.Select(p => new NarrativePhase(p.Name, p.StartSeconds, p.EndSeconds)).ToArray();
        var narrator = new Narrator(phases, result.SimulatedSeconds);
        var windows = new List<WindowPoint>();
        var reloads = new List<ReloadRecord>();
        var events = new List<TimelineEvent>();
        var data = new NarrativeData(windows, reloads, events, []);
        var streamed = new List<NarrativeEntry>();
        const double settle = 135;
        foreach (var w in result.Windows)
        {
            windows.Add(w);
            events.AddRange(result.Timeline.Where(e => e.At.TotalSeconds >= w.StartSeconds && e.At.TotalSeconds < w.EndSeconds));
            // Reloads arrive a keep-alive timeout after they start, newest first within a window.
            reloads.AddRange(result.ReloadLog.Where(r => r.Start.TotalSeconds + 75 >= w.StartSeconds && r.Start.TotalSeconds + 75 < w.EndSeconds).Reverse());
            streamed.AddRange(narrator.Advance(data, w.EndSeconds - settle));
            Assert.True(narrator.NarratedUntilSeconds <= Math.Max(0, w.EndSeconds - settle), $"narrated to {narrator.NarratedUntilSeconds} at {w.EndSeconds}");
        }
        reloads.AddRange(result.ReloadLog.Where(r => r.Start.TotalSeconds + 75 >= result.SimulatedSeconds).Reverse());
        streamed.AddRange(narrator.Finish(data));

        Assert.Equal(Narrator.Build(result), streamed);
        Assert.Equal(narrator.Entries, streamed);
    }

    [Fact]
    public void Export_SameResult_SameBytesInEveryCulture()
    {
        var result = SyntheticRun.Create(seconds: 600);

        string invariant = Cultures.With("en-US", () => Json(result));
        string german = Cultures.With("de-DE", () => Json(result));

        Assert.Equal(invariant, german);
        Assert.Equal(invariant, Json(SyntheticRun.Create(seconds: 600)));
        Assert.DoesNotContain("2,5 s", german);
        Assert.Contains("every 2.5 s", german);
    }

    [Fact]
    public void Export_TheContract_EntriesWithAtSecondsClockTextKind()
    {
        var json = JsonNode.Parse(Json(SyntheticRun.Create(seconds: 600)))!.AsObject();

        var entries = json["entries"]!.AsArray();
        Assert.NotEmpty(entries);
        foreach (var e in entries)
        {
            var o = e!.AsObject();
            Assert.Equal(["atSeconds", "clock", "text", "kind"], o.Select(p => p.Key));
            Assert.Matches(@"^(\d+:)?\d\d:\d\d$", (string)o["clock"]!);
        }
        Assert.Contains("→", Json(NarrativeRun.Build(120, _ => 50, eachSecond: (r, s) =>
        {
            if (s == 10) r.RecordHpaScale(NarrativeRun.Scale(s, "default/a", 1, 2));
        })));
    }

    [Fact]
    public void Build_QuietRun_OpeningLineAndSummaryOnly()
    {
        var entries = Narrator.Build(NarrativeRun.Build(300, _ => 40));

        Assert.Equal(["01:00 traffic 50 req/s; p50 40 ms, p99 40 ms; no errors", "05:00 summary run ends: 15,000 requests; no errors; worst window p99 40 ms; 0 reloads"],
            entries.Select(e => $"{e.Clock} {e.Kind} {e.Text}"));
    }

    [Fact]
    public void Clock_MinutesThenHours() =>
        Assert.Equal(["00:00", "09:12", "59:59", "1:00:00", "25:01:05"], new[] { 0, 552.9, 3599, 3600, 90065 }.Select(NarrativeText.Clock));
}

public class ThresholdLevelsTests
{
    [Fact]
    public void Observe_WobblingAroundAThreshold_RiseOnceFallOnlyAfterTwoCalmMinutes()
    {
        var levels = new ThresholdLevels([500, 1000]);

        var changes = new[] { 100, 600, 400, 600, 400, 450, 1200, 1100, 300, 300 }.Select(v => levels.Observe(v)).ToList();

        Assert.Equal(
            [null, new LevelChange.Up(500, true), null, null, null, new LevelChange.Down(500), new LevelChange.Up(1000, true), null, null, new LevelChange.Down(1000)],
            changes);
        Assert.Equal(new LevelChange.Up(500, false), levels.Observe(700));
    }
}

using System.Globalization;

namespace IngressSim.Reporting.Narrative;

/// <summary>
/// One line of the narrated timeline: when (simulated seconds), a short tag (phase, traffic, deploys,
/// reloads, xds, hpa, crash, ingress, errors, latency, summary) and the sentence, with the numbers at
/// that moment.
/// </summary>
public sealed record NarrativeEntry(double AtSeconds, string Kind, string Text)
{
    /// <summary>mm:ss of simulated time, or h:mm:ss from the first hour on.</summary>
    public string Clock => NarrativeText.Clock(AtSeconds);
}

/// <summary>A phase of the scenario, as the narrator needs it (the run's phases, or the scenario's before the run ends).</summary>
public sealed record NarrativePhase(string Name, double StartSeconds, double EndSeconds);

/// <summary>How the narrative writes numbers: invariant culture, people's units.</summary>
public static class NarrativeText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Clock(double seconds)
    {
        long s = (long)Math.Floor(Math.Max(0, seconds));
        long h = s / 3600, m = s / 60 % 60, sec = s % 60;
        return h > 0
            ? string.Create(Invariant, $"{h}:{m:00}:{sec:00}")
            : string.Create(Invariant, $"{m:00}:{sec:00}");
    }

    /// <summary>A range of latencies, the unit once when both are in ms: "340–358 ms", "214 ms–1.13 s".</summary>
    public static string LatencyRange(double lowMs, double highMs)
    {
        string low = Latency(lowMs), high = Latency(highMs);
        if (low == high) return high;
        return low.EndsWith(" ms", StringComparison.Ordinal) && high.EndsWith(" ms", StringComparison.Ordinal) ? $"{low[..^3]}–{high}" : $"{low}–{high}";
    }

    /// <summary>250 ms, 1.2 s, 12 s.</summary>
    public static string Latency(double ms) =>
        double.IsNaN(ms) ? "n/a"
        : ms < 1 ? ms.ToString("0.##", Invariant) + " ms"
        : ms < 1000 ? ms.ToString("0", Invariant) + " ms"
        : ms < 10_000 ? (ms / 1000).ToString("0.0#", Invariant) + " s"
        : (ms / 1000).ToString("0", Invariant) + " s";

    /// <summary>A fraction as "43 %", "0.4 %" below 1 %, "&lt; 0.01 %" for a few in a million.</summary>
    public static string Percent(double fraction)
    {
        double p = fraction * 100;
        if (p is > 0 and < 0.01) return "< 0.01 %";
        return (p is > 0 and < 1 ? p.ToString("0.0#", Invariant) : p.ToString("0", Invariant)) + " %";
    }

    public static string Decimal1(double x) => x.ToString("0.0", Invariant);

    public static string Count(long n) => n.ToString("N0", Invariant);

    /// <summary>1,500 / 2.5 / 0.35: whole numbers from 10 on, otherwise up to two decimals.</summary>
    public static string Number(double x) => Math.Abs(x) >= 10 ? x.ToString("N0", Invariant) : x.ToString("0.##", Invariant);

    /// <summary>12.3 M, 45.6 k, 789.</summary>
    public static string Compact(long n) =>
        n >= 10_000_000 ? (n / 1e6).ToString("0.#", Invariant) + " M"
        : n >= 1_000_000 ? (n / 1e6).ToString("0.##", Invariant) + " M"
        : n >= 100_000 ? (n / 1e3).ToString("0", Invariant) + " k"
        : Count(n);
}

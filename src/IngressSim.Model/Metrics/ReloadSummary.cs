namespace IngressSim.Model.Metrics;

/// <summary>
/// Reloads over the run or a phase (issue 5's <c>reloads</c> object). Interval statistics are per
/// controller replica — a config change reloads every replica at about the same time, and "a reload
/// every 2–3 s" in the war story is what one replica goes through. NaN where undefined.
/// </summary>
public sealed record ReloadSummary(
    long Count, double MeanIntervalSeconds, double DurationP50Ms, double DurationMaxMs, double AffectedConnectionFraction)
{
    /// <param name="reloads">Reloads in start order.</param>
    /// <param name="dropped">Reloads past the log's cap: counted, not in <paramref name="reloads"/>.</param>
    public static ReloadSummary Of(IReadOnlyList<ReloadRecord> reloads, long dropped)
    {
        if (reloads.Count == 0)
            return new ReloadSummary(dropped, double.NaN, double.NaN, double.NaN, double.NaN);

        var durations = new double[reloads.Count];
        double affected = 0, intervalSum = 0;
        long intervals = 0;
        var lastStartByReplica = new Dictionary<(string, int), double>();
        for (int i = 0; i < reloads.Count; i++)
        {
            var r = reloads[i];
            durations[i] = r.Duration.TotalMilliseconds;
            affected += r.AffectedFraction;
            double start = r.Start.TotalSeconds;
            if (lastStartByReplica.TryGetValue((r.Controller, r.Replica), out double previous))
            {
                intervalSum += start - previous;
                intervals++;
            }
            lastStartByReplica[(r.Controller, r.Replica)] = start;
        }
        Array.Sort(durations);
        long medianRank = Math.Max(1, (long)(0.5 * durations.Length + 0.5)); // same rank rule as the latency percentiles
        return new ReloadSummary(
            reloads.Count + dropped,
            intervals == 0 ? double.NaN : intervalSum / intervals,
            durations[medianRank - 1],
            durations[^1],
            affected / reloads.Count);
    }
}

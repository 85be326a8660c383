namespace IngressSim.Model.Metrics;

/// <summary>
/// nginx memory over the run or a phase: the most any one replica held and its worker generations then
/// (each a separate peak), and the replicas the kubelet OOM-killed. Memory only grows when a reload starts
/// new workers, so the peaks, taken at every reload and every window end, are exact over the run; a phase
/// without reloads reads its level at its window ends. <see cref="PeakWorkerGenerations"/> 0 = no nginx replica.
/// </summary>
public readonly record struct NginxMemorySummary(long PeakBytes, int PeakWorkerGenerations, long OomKills)
{
    /// <summary>Another reading of a replica (bytes and generations), or another OOM kill, taken into the peaks.</summary>
    internal NginxMemorySummary With(long bytes, int generations, long oomKills) =>
        new(Math.Max(PeakBytes, bytes), Math.Max(PeakWorkerGenerations, generations), OomKills + oomKills);
}

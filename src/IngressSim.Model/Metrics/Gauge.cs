namespace IngressSim.Model.Metrics;

/// <summary>
/// Levels the model reports per series (not counted per request). A gauge keeps its last value until set
/// again, like a Prometheus gauge (ingress-nginx exports <c>nginx_ingress_controller_nginx_process_connections</c>
/// and <c>_num_procs</c> that way, MODEL_FACTS §1); a window row shows the value at the window's end.
/// </summary>
public enum Gauge : byte
{
    ActiveConnections,
    ReadyPods,
    /// <summary>CPU used by the series' ready pods over their CPU requests, as the HPA computes it (1 = 100 % of request; can exceed 1).</summary>
    PodCpuUtilisation,
    /// <summary>CPU utilisation of the ingress controller replicas serving the series, 0..1.</summary>
    ControllerCpuUtilisation,
    /// <summary>Live nginx worker generations on the busiest replica (old ones still draining after reloads; MODEL_FACTS §1).</summary>
    WorkerGenerations,
    /// <summary>nginx resident memory of the replica holding the most, in bytes (ingress-nginx <c>_nginx_process_resident_memory_bytes</c>).</summary>
    NginxResidentMemory,
    /// <summary>nginx processes of the replica running the most (ingress-nginx <c>_nginx_process_num_procs</c>).</summary>
    NginxProcesses,
}

public static class Gauges
{
    public const int Count = (int)Gauge.NginxProcesses + 1;

    public static readonly IReadOnlyList<Gauge> All = Enum.GetValues<Gauge>();

    private static readonly string[] Labels =
        ["active_connections", "ready_pods", "pod_cpu_utilisation", "controller_cpu_utilisation", "worker_generations",
         "nginx_resident_memory_bytes", "nginx_processes"];

    public static string Label(this Gauge gauge) => Labels[(int)gauge];
}

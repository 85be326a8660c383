namespace IngressSim.Scenarios.Alerts;

/// <summary>What the simulator records that a rule can read.</summary>
public enum AlertMetric : byte
{
    /// <summary>Client-observed request latency (histogram; from when the client meant to send).</summary>
    RequestDuration,
    /// <summary>Requests by status (counter).</summary>
    Requests,
    /// <summary>nginx reload durations, observed when each reload ends (histogram).</summary>
    ReloadDuration,
    /// <summary>nginx reloads, counted when each starts (counter).</summary>
    Reloads,
    /// <summary>Restarts of ingress controller replicas (counter).</summary>
    ControllerRestarts,
    /// <summary>Open client connections at the window's end (gauge).</summary>
    ActiveConnections,
    /// <summary>nginx resident memory of the replica holding the most, at the window's end (gauge).</summary>
    NginxResidentMemory,
    /// <summary>nginx processes of the replica running the most, at the window's end (gauge).</summary>
    NginxProcesses,
}

public enum MetricType : byte { Counter, Gauge, Histogram }

/// <summary>A metric name a rule may use, with its type and labels.</summary>
public sealed record MetricName(string Name, AlertMetric Metric, MetricType Type, IReadOnlyList<string> Labels, string Help);

/// <summary>
/// The metric names, from ingress-nginx (MODEL_FACTS §1: docs/user-guide/monitoring.md) and
/// kube-state-metrics where they exist, so rules read like the ones people run. A histogram also
/// answers to its <c>_bucket</c> name (inside <c>histogram_quantile</c>) and <c>_count</c> (a counter).
/// </summary>
public static class AlertMetrics
{
    public const string StatusLabel = "status";
    public const string ServiceLabel = "service";
    public const string NamespaceLabel = "namespace";
    public const string ControllerLabel = "controller";
    public const string PodLabel = "pod";
    public const string StateLabel = "state";

    public static readonly IReadOnlyList<MetricName> All =
    [
        new("nginx_ingress_controller_request_duration_seconds", AlertMetric.RequestDuration, MetricType.Histogram,
            [ServiceLabel, NamespaceLabel], "request latency as clients see it"),
        new("nginx_ingress_controller_requests", AlertMetric.Requests, MetricType.Counter,
            [StatusLabel, ServiceLabel, NamespaceLabel], "requests by status"),
        // The reference article's name for reload duration (its "Monitoring after fix" rule); MODEL_FACTS §1 lists no such ingress-nginx metric.
        new("nginx_ingress_controller_config_last_reload_duration_seconds", AlertMetric.ReloadDuration, MetricType.Histogram,
            [ControllerLabel], "nginx reload durations"),
        // ingress-nginx: "_success" counts reload operations (MODEL_FACTS §1).
        new("nginx_ingress_controller_success", AlertMetric.Reloads, MetricType.Counter, [ControllerLabel], "nginx reloads"),
        new("kube_pod_container_status_restarts_total", AlertMetric.ControllerRestarts, MetricType.Counter,
            [NamespaceLabel, PodLabel, ControllerLabel], "restarts of ingress controller replicas"),
        new("nginx_ingress_controller_nginx_process_connections", AlertMetric.ActiveConnections, MetricType.Gauge,
            [StateLabel], "open client connections (state=\"active\")"),
        // Per replica in ingress-nginx; the simulator keeps the replica with the most, so a rule on it (or on
        // its max()) holds when any replica's would.
        new("nginx_ingress_controller_nginx_process_resident_memory_bytes", AlertMetric.NginxResidentMemory, MetricType.Gauge, [],
            "nginx resident memory of the replica holding the most (every live worker generation)"),
        new("nginx_ingress_controller_nginx_process_num_procs", AlertMetric.NginxProcesses, MetricType.Gauge, [],
            "nginx processes of the replica running the most (master + every live generation's workers)"),
    ];

    /// <summary>Gauges kept as the value of the replica with the most, where <c>max()</c> over replicas is the value itself.</summary>
    public static bool IsBusiestReplicaGauge(AlertMetric metric) => metric is AlertMetric.NginxResidentMemory or AlertMetric.NginxProcesses;

    /// <summary>The metric and how it is used (<c>_bucket</c> and bare histogram names read the histogram, <c>_count</c> a counter).</summary>
    public static (MetricName Name, MetricType UsedAs)? Find(string name)
    {
        foreach (var metric in All)
        {
            if (name == metric.Name) return (metric, metric.Type);
            if (metric.Type != MetricType.Histogram) continue;
            if (name == metric.Name + "_bucket") return (metric, MetricType.Histogram);
            if (name == metric.Name + "_count")
                return (metric with { Metric = metric.Metric == AlertMetric.RequestDuration ? AlertMetric.Requests : AlertMetric.Reloads, Type = MetricType.Counter }, MetricType.Counter);
        }
        return null;
    }
}

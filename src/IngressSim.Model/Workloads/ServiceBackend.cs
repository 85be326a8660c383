using IngressSim.Distributions;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Workloads;

/// <summary>
/// A Service and the pods behind it: the endpoints a controller proxies to. <see cref="ReadyEndpointIds"/>
/// is the EndpointSlice view (ready pods), rebuilt only when readiness changes, so the hot path reads
/// an array.
/// </summary>
public sealed class ServiceBackend(int id, string key, WorkloadSpec workload, ISampler serviceTime, double cpuRequestCores)
{
    private readonly List<Pod> _pods = [];

    public int Id { get; } = id;

    /// <summary><c>namespace/name</c>: also the name of its metrics series.</summary>
    public string Key { get; } = key;

    public WorkloadSpec Workload { get; } = workload;
    public ISampler ServiceTime { get; } = serviceTime;

    /// <summary>CPU request per pod in cores (the HPA's utilisation denominator); 0 when not set.</summary>
    public double CpuRequestCores { get; } = cpuRequestCores;

    public IReadOnlyList<Pod> Pods => _pods;
    /// <summary>The ids of its ready pods: what the EndpointSlice lists and balancers are given.</summary>
    public int[] ReadyEndpointIds { get; private set; } = [];

    /// <summary>Bumped on every endpoint change, so each balancer knows when to refresh its copy.</summary>
    public int EndpointsVersion { get; private set; } = 1;

    public void Add(Pod pod)
    {
        if (pod.Service < 0) pod.Service = Id;
        _pods.Add(pod);
        RefreshEndpoints();
    }

    /// <summary>A terminated pod leaves for good (so a long run's pod list stays as large as the Deployment).</summary>
    public void Remove(Pod pod) => _pods.Remove(pod);

    /// <summary>CPU seconds all its pods ever burnt, including pods since removed (utilisation per window is its increase).</summary>
    public double CpuSeconds { get; set; }

    /// <summary>An Ingress routing to it asks ingress-nginx for cookie affinity (annotation affinity: cookie).</summary>
    public bool CookieAffinity { get; set; }

    /// <summary>The Deployment that runs its pods (rollouts and the HPA act on it), when one does.</summary>
    public Kubernetes.Apps.Deployment? Deployment { get; set; }

    /// <summary>Replicas the Deployment asks for now (the HPA and scale actions change it).</summary>
    public int DesiredReplicas { get; set; }

    /// <summary>The Deployment's revision: a deploy creates a new one and rolls the pods over to it.</summary>
    public int Revision { get; set; }

    public void RefreshEndpoints()
    {
        ReadyEndpointIds = _pods.Where(p => p.Ready).Select(p => p.Id).ToArray();
        EndpointsVersion++;
    }
}

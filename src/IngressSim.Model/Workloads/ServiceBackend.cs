using IngressSim.Distributions;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Workloads;

/// <summary>
/// A Service and the pods behind it: the endpoints a controller proxies to. <see cref="ReadyEndpoints"/>
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
    public Pod[] ReadyEndpoints { get; private set; } = [];

    /// <summary>The pod ids of <see cref="ReadyEndpoints"/>: what balancers are given.</summary>
    public int[] ReadyEndpointIds { get; private set; } = [];

    /// <summary>Bumped on every endpoint change, so each balancer knows when to refresh its copy.</summary>
    public int EndpointsVersion { get; private set; } = 1;

    public void Add(Pod pod)
    {
        _pods.Add(pod);
        RefreshEndpoints();
    }

    public void RefreshEndpoints()
    {
        ReadyEndpoints = _pods.Where(p => p.Ready).ToArray();
        ReadyEndpointIds = Array.ConvertAll(ReadyEndpoints, p => p.Id);
        EndpointsVersion++;
    }
}

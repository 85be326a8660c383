using IngressSim.Scenarios.Units;

namespace IngressSim.Model.Controllers.Nginx;

/// <summary>
/// The resident memory of one replica's nginx: each live worker generation holds a full set of workers
/// until its last connection ends, so reloads under long-lived connections pile generations up
/// (MODEL_FACTS §1: 8 → 60+ worker processes, 480 MB → 5 GB, nginx/kubernetes-ingress #3907), on top
/// of the master and controller processes.
/// </summary>
public readonly record struct NginxMemory(long BaseBytes, long BytesPerWorker, int Workers)
{
    public static NginxMemory Of(IngressController controller)
    {
        var reload = controller.Spec.Nginx.Reload;
        return new NginxMemory(reload.BaseMemory.Bytes, reload.MemoryPerWorker.Bytes, controller.Workers);
    }

    /// <summary>Resident bytes with <paramref name="generations"/> live worker generations; 0 generations = the container is down.</summary>
    public long Bytes(int generations) => generations == 0 ? 0 : BaseBytes + generations * Workers * BytesPerWorker;

    /// <summary>nginx processes (ingress-nginx's <c>_num_procs</c>, MODEL_FACTS §1): the master and every live generation's workers.</summary>
    public int Processes(int generations) => generations == 0 ? 0 : 1 + generations * Workers;

    /// <summary>Whether <paramref name="generations"/> push the replica over the container's <paramref name="limit"/> (none = never).</summary>
    public bool Exceeds(int generations, ByteSize? limit) => limit is { } l && Bytes(generations) > l.Bytes;
}

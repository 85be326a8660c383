using IngressSim.Engine.Events;
using IngressSim.Engine.Stations;

namespace IngressSim.Model.Workloads;

/// <summary>
/// One pod of a Service: <c>concurrency</c> slots (threads or connection slots) in front of a FIFO
/// queue, as an application server works. Tracks the CPU it burns for utilisation and the HPA.
/// </summary>
public sealed class Pod
{
    public Pod(Simulation simulation, int id, string name, int node, int concurrency, IStationListener listener)
    {
        Id = id;
        Name = name;
        Node = node;
        Station = new FifoStation(simulation, concurrency, FifoStation.Unbounded, listener, name);
    }

    /// <summary>Index among all pods of the run (the endpoint id balancers see).</summary>
    public int Id { get; }
    public string Name { get; }
    public int Node { get; }
    public FifoStation Station { get; }

    /// <summary>Receives connections (the process runs). A terminated or crashed pod refuses them.</summary>
    public bool Running { get; set; } = true;

    /// <summary>In the Service's endpoints as ready (readiness probe passing).</summary>
    public bool Ready { get; set; } = true;

    /// <summary>CPU seconds burnt so far (for utilisation per window).</summary>
    public double CpuSeconds { get; set; }
}

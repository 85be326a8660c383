using IngressSim.Engine.Events;
using IngressSim.Engine.Stations;

namespace IngressSim.Model.Workloads;

/// <summary>
/// One pod of a Service: <c>concurrency</c> slots (threads or connection slots) in front of a FIFO
/// queue, as an application server works. Tracks the CPU it burns for utilisation and the HPA.
/// </summary>
public sealed class Pod
{
    public Pod(Simulation simulation, int id, string name, int node, int concurrency, IStationListener listener, int revision = 0)
    {
        Id = id;
        Name = name;
        Node = node;
        Revision = revision;
        CreatedAt = simulation.Now;
        Station = new FifoStation(simulation, concurrency, FifoStation.Unbounded, listener, name);
    }

    /// <summary>The Service it serves (the first whose selector picked it), by id.</summary>
    public int Service { get; set; } = -1;

    /// <summary>The Deployment revision (ReplicaSet) it belongs to: a rollout replaces older revisions.</summary>
    public int Revision { get; }
    public Engine.Time.Instant CreatedAt { get; }
    public Engine.Time.Instant ReadyAt { get; set; }

    /// <summary>Deleted: out of the endpoints, refusing new connections, finishing what it holds until the grace period ends.</summary>
    public bool Terminating { get; set; }

    /// <summary>CPU seconds at the last metrics-server scrape, and the usage measured then (millicores).</summary>
    public double CpuSecondsAtScrape { get; set; }
    public long ScrapedMillicores { get; set; } = -1;
    public Engine.Time.Instant ScrapedAt { get; set; }

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

using IngressSim.Engine.Time;
using IngressSim.Scenarios.Units;

namespace IngressSim.Model.Controllers.Nginx;

/// <summary>
/// The nginx worker generations of one controller replica. A reload starts a new generation that accepts
/// all new connections; the previous ones drain: they stop accepting, finish their connections, and exit
/// when the last one closes — or at <c>worker-shutdown-timeout</c> after the reload, when the connections
/// still open (WebSocket, SSE, slow requests) are cut (MODEL_FACTS §1: 240 s; ING configmap.md, issues
/// #8977, #2461). Each live generation holds its workers' memory, so frequent reloads with long-lived
/// connections pile generations up (MODEL_FACTS §1: 8 → 60+ processes, 480 MB → 5 GB, #3907).
/// Connections are identified by the caller's ids.
/// </summary>
public sealed class WorkerGenerations
{
    private readonly int _workersPerGeneration;
    private readonly ByteSize _memoryPerWorker;
    private readonly Duration _shutdownTimeout;
    private readonly Dictionary<long, int> _generationOf = [];
    private readonly SortedDictionary<int, Generation> _live = [];

    /// <param name="workersPerGeneration">Worker processes per generation (MODEL_FACTS §2: worker-processes = CPUs).</param>
    /// <param name="memoryPerWorker">Resident memory of one worker (ReloadCostSpec.MemoryPerWorker).</param>
    /// <param name="shutdownTimeout">NginxSpec.WorkerShutdownTimeout.</param>
    public WorkerGenerations(int workersPerGeneration, ByteSize memoryPerWorker, Duration shutdownTimeout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workersPerGeneration, 1);
        if (memoryPerWorker.Bytes < 0) throw new ArgumentOutOfRangeException(nameof(memoryPerWorker), memoryPerWorker, "memory cannot be negative");
        if (shutdownTimeout.IsNegative) throw new ArgumentOutOfRangeException(nameof(shutdownTimeout), shutdownTimeout, "the shutdown timeout cannot be negative");
        _workersPerGeneration = workersPerGeneration;
        _memoryPerWorker = memoryPerWorker;
        _shutdownTimeout = shutdownTimeout;
        _live.Add(0, new Generation());
    }

    /// <summary>The generation accepting new connections (0 before the first reload).</summary>
    public int Current { get; private set; }

    /// <summary>Generations with running workers: the current one plus those still draining.</summary>
    public int LiveGenerations => _live.Count;

    /// <summary>Worker processes running (ING metric <c>nginx_ingress_controller_nginx_process_num_procs</c> counts these plus the master).</summary>
    public int WorkerProcesses => _live.Count * _workersPerGeneration;

    /// <summary>Resident memory of all live workers (ING metric <c>_nginx_process_resident_memory_bytes</c>).</summary>
    public ByteSize ResidentMemory => new(checked(WorkerProcesses * _memoryPerWorker.Bytes));

    /// <summary>The earliest instant a draining generation reaches its shutdown timeout; null when none drains.</summary>
    public Instant? NextShutdownDeadline
    {
        get
        {
            Instant? earliest = null;
            foreach (var generation in _live.Values)
                if (generation.ShutdownDeadline is { } deadline && (earliest is null || deadline < earliest))
                    earliest = deadline;
            return earliest;
        }
    }

    /// <summary>
    /// A reload completed at <paramref name="now"/>: a new generation takes new connections and the previous
    /// current one starts draining. It exits at once if it has no connections. Returns the new generation.
    /// </summary>
    public int Reload(Instant now)
    {
        int draining = Current;
        _live[draining].ShutdownDeadline = now + _shutdownTimeout;
        RetireIfIdle(draining);
        Current = draining + 1;
        _live.Add(Current, new Generation());
        return Current;
    }

    /// <summary>A client connection accepted now: it belongs to the current generation, returned.</summary>
    public int Accept(long connection)
    {
        if (!_generationOf.TryAdd(connection, Current))
            throw new InvalidOperationException($"connection {connection} is already open");
        _live[Current].Connections.Add(connection);
        return Current;
    }

    /// <summary>The connection closed. Returns true when that made its draining generation exit.</summary>
    public bool Close(long connection)
    {
        if (!_generationOf.Remove(connection, out int generation))
            throw new InvalidOperationException($"connection {connection} is not open");
        _live[generation].Connections.Remove(connection);
        return RetireIfIdle(generation);
    }

    /// <summary>The generation serving an open connection.</summary>
    public int GenerationOf(long connection) =>
        _generationOf.TryGetValue(connection, out int generation) ? generation
        : throw new InvalidOperationException($"connection {connection} is not open");

    /// <summary>Open connections of a live generation in ascending id order (e.g. the drained one's idle keep-alives to close).</summary>
    public IReadOnlyList<long> ConnectionsOf(int generation) =>
        _live.TryGetValue(generation, out var g) ? [.. g.Connections.Order()]
        : throw new ArgumentOutOfRangeException(nameof(generation), generation, "no such live generation");

    /// <summary>
    /// Shuts down every draining generation whose timeout has passed at <paramref name="now"/> and returns
    /// the connections it cuts (in ascending id order, for determinism); they are closed by this call.
    /// </summary>
    public IReadOnlyList<long> CutExpired(Instant now)
    {
        var cut = new List<long>();
        foreach (var (number, generation) in _live.ToArray())
        {
            if (generation.ShutdownDeadline is not { } deadline || deadline > now) continue;
            foreach (long connection in generation.Connections) _generationOf.Remove(connection);
            cut.AddRange(generation.Connections);
            _live.Remove(number);
        }
        cut.Sort();
        return cut;
    }

    private bool RetireIfIdle(int generation)
    {
        var g = _live[generation];
        if (g.ShutdownDeadline is null || g.Connections.Count > 0) return false;
        _live.Remove(generation);
        return true;
    }

    private sealed class Generation
    {
        /// <summary>Null while the generation accepts connections.</summary>
        public Instant? ShutdownDeadline { get; set; }

        public HashSet<long> Connections { get; } = [];
    }
}

using IngressSim.Engine.Events;
using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;
using IngressSim.Model.Controllers;
using IngressSim.Model.Controllers.Envoy;
using IngressSim.Model.Controllers.Nginx;
using IngressSim.Model.Controllers.Sync;
using IngressSim.Model.Metrics;
using IngressSim.Model.Pipeline;
using IngressSim.Model.Workloads;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.ControlPlane;

/// <summary>
/// One controller's configuration loop. ingress-nginx: changes queue behind the sync rate limit
/// (and the user's batching window); each sync either reloads every replica (reload CPU, retired
/// workers, closed connections — <see cref="RequestPath.RetireWorkers"/>) or posts endpoints to Lua,
/// which workers pick up within the backends sync interval (MODEL_FACTS §1). Envoy (Contour):
/// changes are debounced, then pushed as xDS (<see cref="ContourChangeClassifier"/>), endpoints through
/// EDS, with no process restart; only a replaced filter chain drains connections (MODEL_FACTS §3).
/// </summary>
public sealed class ControllerSync : IEventHandler
{
    private const int KindSync = 0, KindLuaSync = 1, KindRebuild = 2, KindEdsApplied = 3, KindRecordReload = 4, KindListenerApplied = 5;

    private readonly Simulation _simulation;
    private readonly HandlerId _id;
    private readonly IngressController _controller;
    private readonly Cluster _cluster;
    private readonly RequestPath _path;
    private readonly MetricsRecorder _metrics;
    private readonly RandomStream _random;
    private readonly List<ConfigChangeKind> _pending = [];
    private readonly HashSet<int> _changedServices = [];
    // ingress-nginx
    private readonly SyncRateLimiter _limiter;
    private readonly NginxChangeClassifier _classifier;
    private readonly Duration _reloadDuration;
    private readonly Dictionary<int, int[]> _endpointsAtSync = [];
    private readonly ReloadInProgress?[] _reloads;
    private readonly Queue<ReloadInProgress>[] _unrecorded; // finished reloads whose disturbances may still be found
    // Envoy
    private readonly Debouncer _debouncer;
    private readonly XdsUpdate _xds;
    private readonly RandomStream _drains;
    private readonly Dictionary<int, int[]> _edsPending = []; // EDS responses sent, not yet applied, by Service

    public ControllerSync(Simulation simulation, IngressController controller, Cluster cluster, RequestPath path, MetricsRecorder metrics, NginxConfigSize configSize)
    {
        _simulation = simulation;
        _id = simulation.Register(this);
        _controller = controller;
        _cluster = cluster;
        _path = path;
        _metrics = metrics;
        _random = simulation.Random.For($"controller/{controller.Name}/sync");
        var spec = controller.Spec;
        _limiter = new SyncRateLimiter(spec.Nginx.SyncRateLimit, spec.BatchWindow);
        _classifier = new NginxChangeClassifier(spec.Nginx.ReloadOnEndpointChange);
        _reloadDuration = new ReloadCost(spec.Nginx.Reload).For(configSize);
        _reloads = new ReloadInProgress?[controller.Replicas.Count];
        _unrecorded = controller.Replicas.Select(_ => new Queue<ReloadInProgress>()).ToArray();
        _debouncer = new Debouncer(spec.Envoy.DebounceHoldoff, spec.Envoy.DebounceMax, simulation.Now);
        _xds = new XdsUpdate(spec.Envoy);
        _drains = simulation.Random.For($"controller/{controller.Name}/listener-drain");
    }

    public IngressController Controller => _controller;
    private bool IsEnvoy => _controller.Spec.Kind == ControllerKind.Envoy;

    /// <summary>A watched object changed (<paramref name="service"/> for endpoint changes).</summary>
    public void OnChange(ConfigChangeKind change, ServiceBackend? service = null)
    {
        var now = _simulation.Now;
        if (IsEnvoy && change == ConfigChangeKind.EndpointsChanged && service is not null)
        {
            PushEndpoints(service, now);
            return;
        }
        _pending.Add(change);
        if (service is not null) _changedServices.Add(service.Id);
        // Contour's DAG rebuild waits out the holdoff; a batch window, if set, is added on top.
        if (IsEnvoy) _simulation.Schedule(_debouncer.Changed(now) + _controller.Spec.BatchWindow, _id, KindRebuild);
        else if (_limiter.Enqueue(now) is { } syncAt) _simulation.Schedule(syncAt, _id, KindSync);
    }

    void IEventHandler.Handle(Simulation simulation, int kind, long arg)
    {
        switch (kind)
        {
            case KindSync: Sync(); break;
            case KindLuaSync: ConfigureEndpoints(_endpointsAtSync); break;
            case KindRebuild: Rebuild(); break;
            case KindEdsApplied: ApplyEndpoints((int)arg); break;
            case KindRecordReload: RecordOldestReload(_controller.Replicas[(int)arg]); break;
            case KindListenerApplied: DrainReplacedFilterChains(); break;
        }
    }

    // ---- ingress-nginx -----------------------------------------------------------------------

    private void Sync()
    {
        var now = _simulation.Now;
        var update = _classifier.Classify(_pending);
        _pending.Clear();
        // The model the sync builds reads the endpoints as they are now.
        foreach (int service in _changedServices) _endpointsAtSync[service] = _cluster.Services[service].ReadyEndpointIds;
        _changedServices.Clear();
        if (update == NginxUpdate.Reload)
        {
            foreach (var replica in _controller.Replicas)
            {
                if (!replica.Alive || _reloads[replica.Index] is not null) continue;
                _reloads[replica.Index] = new ReloadInProgress(now, _reloadDuration, replica.Incarnation);
                _path.StartReloadWork(replica, _reloadDuration);
            }
        }
        else if (update == NginxUpdate.DynamicUpdate)
        {
            // Workers poll the Lua shared dictionary every BACKENDS_SYNC_INTERVAL (MODEL_FACTS §1).
            var delay = Duration.FromNanoseconds((long)_random.NextBounded((ulong)_controller.Spec.Nginx.BackendsSyncInterval.Nanoseconds));
            _simulation.ScheduleAfter(delay, _id, KindLuaSync);
        }
        if (_limiter.SyncFinished(now) is { } next) _simulation.Schedule(next, _id, KindSync);
    }

    /// <summary>The replica's reload has parsed and applied the configuration: new workers take over.</summary>
    public void OnReloadWorkDone(ControllerReplica replica)
    {
        var now = _simulation.Now;
        if (_reloads[replica.Index] is not { } reload) return;
        _reloads[replica.Index] = null;
        ConfigureEndpoints(_endpointsAtSync); // the controller's view; a replica that restarted meanwhile starts from it too
        if (!replica.Alive || reload.Incarnation != replica.Incarnation) return; // the process that reloaded died meanwhile
        replica.ReloadSequence++;
        int active = _path.RetireWorkers(replica);
        replica.ResetBalancers();
        replica.CpuSeconds += reload.Duration.TotalSeconds;
        _unrecorded[replica.Index].Enqueue(reload with { Finished = now, ActiveConnections = active, Sequence = replica.ReloadSequence });
        // After the controller's keep-alive timeout no client can still find a connection this reload
        // closed (it would have expired anyway): then its count of disturbed connections is final.
        _simulation.ScheduleAfter(_controller.Spec.ClientKeepAlive.Timeout, _id, KindRecordReload, replica.Index);
        _metrics.RecordEvent(now, "reload", replica.Name, $"{reload.Duration.TotalMilliseconds:F0} ms of work, {(now - reload.Start).TotalMilliseconds:F0} ms to apply; {active} connections on retired workers");
    }

    /// <summary>
    /// Records the replica's oldest finished reload with the connections it was found to disturb (clients
    /// discover a closed connection only when they next use it, so the count grows after the reload).
    /// </summary>
    private void RecordOldestReload(ControllerReplica replica)
    {
        if (!_unrecorded[replica.Index].TryDequeue(out var reload)) return;
        replica.ConnectionsAffectedByReload.Remove(reload.Sequence, out int affected);
        _metrics.RecordReload(_controller.Name, replica.Index, reload.Start, reload.Finished - reload.Start,
            reload.ActiveConnections, Math.Min(affected, reload.ActiveConnections));
    }

    /// <summary>At the end of the run, the reloads not yet recorded are, with what they disturbed so far.</summary>
    public void RecordUnrecordedReloads()
    {
        foreach (var replica in _controller.Replicas)
            while (_unrecorded[replica.Index].Count > 0) RecordOldestReload(replica);
    }

    // ---- Envoy -------------------------------------------------------------------------------

    private void Rebuild()
    {
        var now = _simulation.Now;
        var due = now - _controller.Spec.BatchWindow; // the debouncer's due time; the batch window waits on top
        if (!_debouncer.IsDue(due) || _pending.Count == 0) return;
        _debouncer.Rebuilt(due);
        var changes = XdsChanges();
        _pending.Clear();
        foreach (var step in _xds.Sequence(changes, now))
        {
            if (step.ListenerDrainEnds is not null) _simulation.Schedule(step.Applied, _id, KindListenerApplied);
            _metrics.RecordEvent(step.Start, "xds", _controller.Name, $"{step.Type} ×{step.Resources}, {(step.Applied - step.Start).TotalMilliseconds:F1} ms");
        }
    }

    /// <summary>
    /// The responses one DAG rebuild sends for the pending changes. State of the world (CTR
    /// internal/xds/v3/contour.go): CDS carries every cluster, LDS every HTTPS filter chain (one per
    /// Ingress host, CTR listener.go), RDS every route; EDS the clusters Envoy warms — new or modified ones
    /// (endpoint changes themselves bypass the DAG: <see cref="PushEndpoints"/>).
    /// </summary>
    private XdsChangeSet XdsChanges()
    {
        var touched = default(ContourChange);
        int warmedClusters = 0;
        foreach (var change in _pending)
        {
            var effect = ContourChangeClassifier.Classify(change);
            touched = touched.Union(effect);
            if (effect.Clusters && effect.Endpoints) warmedClusters++;
        }
        return new XdsChangeSet(
            Clusters: touched.Clusters ? _controller.ServedServices.Count : 0,
            Endpoints: warmedClusters,
            Listeners: touched.Listeners ? Math.Max(1, _controller.ServedIngresses.Count) : 0,
            Routes: touched.Routes ? _controller.RouteCount : 0,
            DrainsListener: touched.ReplacesFilterChain);
    }

    /// <summary>
    /// An EndpointSlice change bypasses the DAG, its holdoff and any batch window: Contour's
    /// EndpointSliceTranslator recalculates the cluster's load assignment and notifies the EDS streams at
    /// once (MODEL_FACTS §3; CTR internal/xdscache/v3/endpointslicetranslator.go OnUpdate). The response
    /// carries that one cluster and is applied after its cost, with the endpoints as they were sent.
    /// </summary>
    private void PushEndpoints(ServiceBackend service, Instant now)
    {
        _edsPending[service.Id] = service.ReadyEndpointIds;
        var applied = now + _xds.Cost(1);
        _simulation.Schedule(applied, _id, KindEdsApplied, service.Id);
        // One event per push: the timeline and the narrative show Envoy taking the churn without reloads (the log is capped).
        _metrics.RecordEvent(now, "xds", _controller.Name, $"{XdsResourceType.Endpoint} ×1 ({service.Key}), {(applied - now).TotalMilliseconds:F1} ms");
    }

    private void ApplyEndpoints(int service)
    {
        // A later change to the same Service within the cost overwrote the snapshot: the newest endpoints win.
        if (_edsPending.Remove(service, out var ids)) _controller.ConfigureEndpoints(service, ids);
    }

    /// <summary>
    /// An LDS update that replaced filter chains is applied on every replica: the connections on them drain
    /// (<see cref="RequestPath.DrainListener"/>) and are cut at the end of the drain time.
    /// </summary>
    private void DrainReplacedFilterChains()
    {
        var drainTime = _controller.Spec.Envoy.DrainTime;
        foreach (var replica in _controller.Replicas)
        {
            if (!replica.Alive) continue;
            var (connections, webSockets) = _path.DrainListener(replica, drainTime, _drains);
            _metrics.RecordEvent(_simulation.Now, "xds", replica.Name,
                $"listener drain: {connections} connections close over {drainTime}; {webSockets} WebSockets among them, cut at its end if still open");
        }
    }

    private void ConfigureEndpoints(Dictionary<int, int[]> endpoints)
    {
        foreach (var (service, ids) in endpoints) _controller.ConfigureEndpoints(service, ids);
    }

    private sealed record ReloadInProgress(Instant Start, Duration Duration, int Incarnation)
    {
        public Instant Finished { get; init; }
        public int ActiveConnections { get; init; }
        public long Sequence { get; init; }
    }
}

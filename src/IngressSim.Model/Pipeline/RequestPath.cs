using IngressSim.Engine.Events;
using IngressSim.Engine.Randomness;
using IngressSim.Engine.Stations;
using IngressSim.Engine.Time;
using IngressSim.Model.Controllers;
using IngressSim.Model.Controllers.Upstreams;
using IngressSim.Model.Metrics;
using IngressSim.Model.Workloads;
using IngressSim.Routing;

namespace IngressSim.Model.Pipeline;

/// <summary>
/// The path of every request, hop by hop: client → cloud LB → controller replica (CPU queue, routing,
/// upstream choice) → pod (slots and queue) → back. Each hop is an event; a request's latency is the
/// sum of what happened to it on the way — handshakes, queueing, retries — never a drawn total.
/// Requests live in an <see cref="ExchangeTable"/> and events carry their handle: nothing is
/// allocated per request.
/// </summary>
public sealed class RequestPath : IEventHandler
{
    private const int KindArrival = 0, KindAtReplica = 1, KindAtPod = 2, KindDelivered = 3, KindTimeouts = 4,
        KindRetry = 5, KindSynRetransmit = 6, KindSynAtReplica = 7, KindAccepted = 8, KindUpstreamTimeout = 9, KindWebSocketEnd = 10,
        KindDemandShift = 11, KindVisitRequest = 12;

    /// <summary>RFC 6298 §2: initial retransmission timeout 1 s, doubled per retry (MODEL_FACTS §1).</summary>
    private static readonly Duration InitialSynRto = Duration.FromSeconds(1);

    /// <summary>
    /// Granularity of the clients' timeout timers: one timer event handles every deadline due within it,
    /// so a steady stream of answered requests costs ~1000 timer events a second, not one per request.
    /// A timeout fires at most this late (clients' own timers tick in milliseconds too).
    /// </summary>
    private static readonly Duration TimeoutTick = Duration.FromMilliseconds(1);

    /// <summary>Linux tcp_syn_retries default 6: a connect attempt is abandoned after the 6th retransmission.</summary>
    private const int MaxSynRetransmits = 6;

    private readonly Simulation _simulation;
    private readonly HandlerId _id;
    private readonly Cluster _cluster;
    private readonly MetricsRecorder _metrics;
    private readonly ExchangeTable _exchanges = new();
    private readonly ConnectionTable _connections;
    private readonly Instant _end;
    // Fixed-delay hops wait in FIFO delay lines (only each line's next event sits in the event queue).
    private readonly DelayLine[] _toReplica, _fromReplica, _fromPod;
    private readonly DelayLine _toPodWarm, _toPodCold;
    // Session cookies clients hold: (source, client, Service) → the pod that set it.
    private readonly Dictionary<long, int> _affinityCookies = [];

    public RequestPath(Simulation simulation, Cluster cluster, MetricsRecorder metrics, Instant end)
    {
        _simulation = simulation;
        _id = simulation.Register(this);
        _cluster = cluster;
        _metrics = metrics;
        _end = end;
        _toReplica = cluster.Sources.Select(s => simulation.CreateDelayLine(OneWay(s), _id, KindAtReplica)).ToArray();
        _fromReplica = cluster.Sources.Select(s => simulation.CreateDelayLine(OneWay(s), _id, KindDelivered)).ToArray();
        _fromPod = cluster.Sources.Select(s => simulation.CreateDelayLine(cluster.PodNetworkLatency + OneWay(s), _id, KindDelivered)).ToArray();
        _toPodWarm = simulation.CreateDelayLine(cluster.PodNetworkLatency, _id, KindAtPod);
        // A cold upstream pool costs a TCP connect to the pod (one round trip) before the request (MODEL_FACTS §1).
        _toPodCold = simulation.CreateDelayLine(cluster.PodNetworkLatency * 3, _id, KindAtPod);
        _connections = new ConnectionTable(cluster.Sources.SelectMany(s => cluster.Controllers.Select(_ => s.Spec.Clients)).ToArray());
        cluster.ReplicaCpuRelay.Target = new ReplicaCpuDone(this);
        cluster.PodRelay.Target = new PodDone(this);
    }

    public ExchangeTable Exchanges => _exchanges;
    public ConnectionTable Connections => _connections;

    /// <summary>Requests the clients started (first attempts; retries are part of the same request).</summary>
    public long Started { get; private set; }

    /// <summary>Requests finished as the client saw them: a response of any status, a timeout, a reset.</summary>
    public long Finished { get; private set; }

    /// <summary>
    /// Requests still open for their client at this instant (an attempt on its way or a retry waiting
    /// for its back-off); work the cluster still does for clients that gave up is not counted.
    /// Conservation: <see cref="Started"/> = <see cref="Finished"/> + this. Cold path (a scan).
    /// </summary>
    public long InFlight => _exchanges.CountOpenForClient();

    public void Start()
    {
        foreach (var source in _cluster.Sources)
        {
            ScheduleNextArrival(source);
            if (source.VisitStream is not null) StartVisitsUnderWay(source);
            if (source.Shift is not null) StartDemandShift(source, source.Shift);
        }
    }

    void IEventHandler.Handle(Simulation simulation, int kind, long arg)
    {
        switch (kind)
        {
            case KindArrival:
                var arriving = _cluster.Sources[(int)(uint)arg];
                if (arriving.ArrivalGeneration == (int)(arg >> 32)) OnArrival(arriving);
                break;
            case KindTimeouts: OnTimeouts(_cluster.Sources[(int)arg]); break;
            case KindVisitRequest: OnVisitRequest(_cluster.Sources[(int)(arg >> 32)], (int)(uint)arg); break;
            case KindWebSocketEnd: OnWebSocketEnd(arg); break;
            case KindDemandShift:
                var shifting = _cluster.Sources[(int)(uint)arg];
                if (shifting.ShiftGeneration != (int)(arg >> 32) || shifting.Shift is not { } shift) break;
                shifting.ShiftDemand();
                _simulation.ScheduleAfter(shift.Every, _id, KindDemandShift, arg);
                break;
            default:
                if (!_exchanges.TryResolve(arg, out int slot)) return;
                switch (kind)
                {
                    case KindAtReplica: OnAtReplica(slot); break;
                    case KindAtPod: OnAtPod(slot); break;
                    case KindDelivered: OnDelivered(slot); break;
                    case KindRetry: StartAttempt(slot); break;
                    case KindSynRetransmit: Connect(slot, retransmits: _exchanges[slot].UpstreamTries); break;
                    case KindSynAtReplica: OnSynAtReplica(slot); break;
                    case KindAccepted: OnAccepted(slot); break;
                    case KindUpstreamTimeout: OnUpstreamTimeout(slot); break;
                }
                break;
        }
    }

    // ---- clients ------------------------------------------------------------------------------

    private void ScheduleNextArrival(TrafficSource source)
    {
        if (source.Arrivals.Next(_simulation.Now, source.ArrivalStream) is { } next && next < _end)
            _simulation.Schedule(next, _id, KindArrival, ((long)source.ArrivalGeneration << 32) | (uint)source.Id);
    }

    /// <summary>Demand starts moving between the source's targets now (replacing any earlier shift).</summary>
    public void StartDemandShift(TrafficSource source, Scenarios.Traffic.DemandShiftSpec shift)
    {
        source.Shift = shift;
        source.ShiftGeneration++;
        _simulation.Schedule(_simulation.Now, _id, KindDemandShift, ((long)source.ShiftGeneration << 32) | (uint)source.Id);
    }

    /// <summary>
    /// The source's rate profile changed (a timeline traffic change): the pending arrival is drawn
    /// again from now — exact for a Poisson process, which has no memory.
    /// </summary>
    public void RestartArrivals(TrafficSource source)
    {
        source.ArrivalGeneration++;
        ScheduleNextArrival(source);
    }

    /// <summary>A client arrives: it sends one request, or starts a visit of several.</summary>
    private void OnArrival(TrafficSource source)
    {
        int client = (int)source.ClientStream.NextBounded((ulong)source.Spec.Clients);
        SendRequest(source, client);
        ContinueVisit(source, client);
        ScheduleNextArrival(source);
    }

    private void OnVisitRequest(TrafficSource source, int client)
    {
        SendRequest(source, client);
        ContinueVisit(source, client);
    }

    /// <summary>The visit goes on (geometric: memoryless, so no state is kept): its next request after a think time.</summary>
    private void ContinueVisit(TrafficSource source, int client)
    {
        if (source.VisitStream is not { } visits || visits.NextDouble() >= source.VisitGoesOn) return;
        var at = _simulation.Now + Duration.FromSecondsRounded(source.ThinkTime!.Sample());
        if (at < _end) _simulation.Schedule(at, _id, KindVisitRequest, ((long)source.Id << 32) | (uint)client);
    }

    /// <summary>At most this many visits are walked through before time zero (a bound on start-up work).</summary>
    private const double MaxVisitsBeforeStart = 20e6;

    /// <summary>
    /// Visits already under way when the run starts: without them the request rate would climb for as
    /// long as a visit lasts. Visits start over a stretch before time zero long enough for nearly all of
    /// them to have ended (8 × requests × mean think time), at the initial rate; each is walked forward
    /// without sending, and its first request at or after zero is scheduled.
    /// </summary>
    private void StartVisitsUnderWay(TrafficSource source)
    {
        var visits = source.VisitStream!;
        var think = source.ThinkTime!;
        var arrivals = source.Arrivals;
        double rate = arrivals.Profile.PerSecondAt(0) * arrivals.Scale / arrivals.EventsPerArrival;
        if (!(rate > 0) || !(think.Mean > 0) || double.IsInfinity(think.Mean)) return;
        double history = Math.Min(8 * arrivals.EventsPerArrival * think.Mean, MaxVisitsBeforeStart / rate);
        for (double start = -history; ;)
        {
            start += -Math.Log(visits.NextOpenDouble()) / rate;
            if (start >= 0) return;
            for (double t = start; visits.NextDouble() < source.VisitGoesOn;)
            {
                t += think.Sample();
                if (t < 0) continue;
                var at = Instant.Zero + Duration.FromSecondsRounded(t);
                int client = (int)visits.NextBounded((ulong)source.Spec.Clients);
                if (at < _end) _simulation.Schedule(at, _id, KindVisitRequest, ((long)source.Id << 32) | (uint)client);
                break;
            }
        }
    }

    private void SendRequest(TrafficSource source, int client)
    {
        int slot = _exchanges.Allocate();
        ref var e = ref _exchanges[slot];
        e.Source = source.Id;
        e.Target = source.Mix.Next(source.MixStream);
        e.IntendedStart = e.Mark = _simulation.Now;
        e.Series = source.Targets[e.Target].Series;
        e.Client = client;
        Started++;
        StartAttempt(slot);
    }

    /// <summary>An attempt begins: arm the client's timeout, then reuse an idle keep-alive connection or open one.</summary>
    private void StartAttempt(int slot)
    {
        ref var e = ref _exchanges[slot];
        var source = _cluster.Sources[e.Source];
        var now = _simulation.Now;
        source.Timeouts.Enqueue(now + source.Spec.Timeout, _exchanges.Handle(slot));
        if (!source.TimeoutTimerPending)
        {
            source.TimeoutTimerPending = true;
            _simulation.Schedule(NextTimeoutTick(source.Timeouts.HeadDeadline), _id, KindTimeouts, source.Id);
        }

        var target = source.Targets[e.Target];
        var controller = _cluster.Controllers[target.Controller];
        e.Controller = controller.Id;
        int connection = TakeReusableConnection(source, controller, e.Client, now);
        if (connection >= 0)
        {
            ref var c = ref _connections[connection];
            c.Busy = true;
            c.Requests++;
            e.Connection = connection;
            e.Replica = c.Replica;
            e.ReplicaCpu = RequestCpu(controller);
            Enter(ref e, LatencyCause.ClientNetwork);
            Send(slot);
            return;
        }
        Connect(slot, retransmits: 0);
    }

    /// <summary>
    /// The client's idle connection to the controller if it is still usable: not past its idle limit
    /// nor its request limits, and its replica still the incarnation it was made to.
    /// </summary>
    private int TakeReusableConnection(TrafficSource source, IngressController controller, int client, Instant now)
    {
        int pool = Pool(source.Id, controller.Id);
        var idleLimit = IdleLimit(source, controller);
        int requestLimit = Math.Min(source.Spec.KeepAlive.RequestsPerConnection, controller.Spec.ClientKeepAlive.Requests);
        {
            int id = _connections.TakeIdle(pool, client);
            if (id < 0) return -1;
            ref var c = ref _connections[id];
            var replica = _cluster.Replicas[c.Replica];
            // A connection nginx closed is still taken if its FIN has not reached the client yet: the race of MODEL_FACTS §1.
            bool clientKnowsClosed = c.ServerClosedAt != Instant.MaxValue && now >= c.ServerClosedAt + OneWay(source);
            if (!clientKnowsClosed && now - c.IdleSince < idleLimit && c.Requests < requestLimit && replica.Alive && replica.Incarnation == c.ReplicaIncarnation)
                return id;
            // A closed connection the client would have reused otherwise forces a reconnect: the reload's doing.
            if (clientKnowsClosed && now - c.IdleSince < idleLimit && c.Requests < requestLimit) Disturbed(ref c, replica);
            _connections.Close(id);
            return -1;
        }
    }

    /// <summary>CPU a replica spends on one request: routing and proxying, plus the WAF when one is configured.</summary>
    private static Duration RequestCpu(IngressController controller) => controller.Spec.Costs.Request + controller.Spec.Costs.Waf;

    private Duration OneWay(TrafficSource source) => source.RttHalf + _cluster.LoadBalancerLatency;

    /// <summary>Counts a connection once towards the affected connections of the reload that closed it.</summary>
    private static void Disturbed(ref ClientConnection c, ControllerReplica replica)
    {
        if (c.Disturbed || c.ClosedByReload < 0) return;
        c.Disturbed = true;
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(replica.ConnectionsAffectedByReload, c.ClosedByReload, out _)++;
    }

    /// <summary>
    /// An idle connection is closed by whichever side times out first: the client, the controller
    /// (keepalive_timeout, MODEL_FACTS §2: 75 s) or the cloud LB (MODEL_FACTS §7: NLB 350 s).
    /// </summary>
    private Duration IdleLimit(TrafficSource source, IngressController controller) =>
        Duration.Min(Duration.Min(source.Spec.KeepAlive.IdleTimeout, controller.Spec.ClientKeepAlive.Timeout), _cluster.LoadBalancerIdleTimeout);

    /// <summary>Closes the idle connections whose idle limit has passed (cold path, once per window).</summary>
    public void CloseExpiredConnections(Instant now)
    {
        foreach (var source in _cluster.Sources)
            foreach (var controller in _cluster.Controllers)
            {
                var limit = IdleLimit(source, controller);
                _connections.CloseIdle(Pool(source.Id, controller.Id), c => now - c.IdleSince >= limit);
            }
    }

    private int Pool(int source, int controller) => source * _cluster.Controllers.Count + controller;

    /// <summary>
    /// A new connection: the LB picks a replica by flow hash among those it believes healthy. A SYN to
    /// a replica that died but is not yet detected is lost; the client retransmits after 1 s, 2 s,
    /// 4 s… (RFC 6298), and the LB re-picks once its health check has caught up.
    /// </summary>
    private void Connect(int slot, int retransmits)
    {
        ref var e = ref _exchanges[slot];
        if (e.ClientGone)
        {
            _exchanges.Free(slot); // gave up while its SYNs were unanswered
            return;
        }
        var source = _cluster.Sources[e.Source];
        var controller = _cluster.Controllers[e.Controller];
        var replica = _cluster.LoadBalancers[controller.Id].Pick(e.Client, _simulation.Now, source.ClientStream);
        e.Connection = -1; // none until accepted: a timeout meanwhile must not close slot 0, a stranger's
        Enter(ref e, LatencyCause.TcpHandshake);
        e.UpstreamTries = retransmits;
        e.Replica = replica.Id;
        _simulation.ScheduleAfter(OneWay(source), _id, KindSynAtReplica, _exchanges.Handle(slot));
    }

    /// <summary>The SYN reaches the replica; the handshake completes one round trip later (SYN-ACK, ACK).</summary>
    private void OnSynAtReplica(int slot)
    {
        ref var e = ref _exchanges[slot];
        var replica = _cluster.Replicas[e.Replica];
        if (!replica.Alive)
        {
            Retransmit(slot, e.UpstreamTries, sentAt: _simulation.Now - OneWay(_cluster.Sources[e.Source]));
            return;
        }
        e.SynArrivedAt = _simulation.Now;
        _simulation.ScheduleAfter(OneWay(_cluster.Sources[e.Source]) * 2, _id, KindAccepted, _exchanges.Handle(slot));
    }

    /// <summary>
    /// The final ACK arrives: the connection waits in the listener's accept queue until a worker's event
    /// loop takes it — at once when a worker is free, else behind the CPU work queued before it. With
    /// reuseport, a reload that retires the listener meanwhile drops what its queues hold: Linux drops
    /// such connections, and the client, never answered, retransmits its SYN after the 1 s initial RTO
    /// (MODEL_FACTS §1). So the busier the workers, the more connections a reload loses.
    /// </summary>
    private void OnAccepted(int slot)
    {
        ref var e = ref _exchanges[slot];
        if (e.ClientGone)
        {
            _exchanges.Free(slot);
            return;
        }
        var replica = _cluster.Replicas[e.Replica];
        if (replica.Alive && replica.Cpu.Busy == replica.Cpu.Servers)
        {
            e.AwaitingAccept = true;
            Enter(ref e, LatencyCause.AcceptQueue);
            replica.RunOnWorkers(_exchanges.Handle(slot), Duration.Zero);
            return;
        }
        Accept(slot);
    }

    private void Accept(int slot)
    {
        ref var e = ref _exchanges[slot];
        var source = _cluster.Sources[e.Source];
        var replica = _cluster.Replicas[e.Replica];
        var controller = replica.Controller;
        if (!replica.Alive || (controller.Spec.Nginx.Reuseport && replica.ListenersClosedAt > e.SynArrivedAt))
        {
            Retransmit(slot, e.UpstreamTries, sentAt: e.SynArrivedAt - OneWay(source));
            return;
        }
        e.Connection = _connections.Open(source.Id, e.Client, controller.Id, replica.Id, replica.Incarnation);
        ref var opened = ref _connections[e.Connection];
        opened.Requests = 1;
        opened.WorkerGeneration = replica.ReloadSequence;
        // A share of new connections are WebSocket upgrades: this first request is the upgrade.
        opened.WebSocket = source.Spec.WebSocket is { } ws && source.WebSocketStream!.NextDouble() < ws.Share.Fraction;
        var handshake = _cluster.Handshakes[Pool(source.Id, controller.Id)];
        bool resumed = handshake.Tls && source.ClientStream.NextDouble() < source.Spec.Tls.Resumption.Fraction
            && replica.TlsSessions.TryResume(e.Client, _simulation.Now);
        if (handshake.Tls && !resumed) replica.TlsSessions.Store(e.Client, _simulation.Now);
        e.ReplicaCpu = RequestCpu(controller) + handshake.ServerCpu(resumed);
        Enter(ref e, handshake.Tls ? LatencyCause.TlsHandshake : LatencyCause.ClientNetwork);
        _metrics.RecordNewConnection(_simulation.Now, e.Series);
        if (handshake.Tls) _metrics.RecordTlsHandshake(_simulation.Now, e.Series, resumed);
        // TLS round trips follow the TCP handshake; the request rides on the last client flight (with
        // the ACK when there is no TLS), so it arrives a whole number of round trips after this ACK.
        _simulation.ScheduleAfter(OneWay(source) * (2 * handshake.TlsRoundTrips(resumed)), _id, KindAtReplica, _exchanges.Handle(slot));
    }

    /// <summary>An unanswered SYN: retransmitted after RFC 6298's back-off (1 s, 2 s, 4 s … from when it was sent).</summary>
    private void Retransmit(int slot, int retransmits, Instant sentAt)
    {
        if (retransmits >= MaxSynRetransmits)
        {
            Fail(slot, ResponseStatus.ConnectionReset, Duration.Zero);
            return;
        }
        ref var e = ref _exchanges[slot];
        e.UpstreamTries = retransmits + 1; // the SYN retransmission count until connected
        Enter(ref e, LatencyCause.SynRetransmit);
        var at = Instant.Max(_simulation.Now, sentAt + InitialSynRto * (1L << retransmits));
        _simulation.Schedule(at, _id, KindSynRetransmit, _exchanges.Handle(slot));
    }

    /// <summary>Closes the request's current interval into its cause and opens one of <paramref name="next"/>.</summary>
    private void Enter(ref Exchange e, LatencyCause next) => EnterAt(ref e, _simulation.Now, next);

    private static void EnterAt(ref Exchange e, Instant at, LatencyCause next)
    {
        e.Spent[(int)e.Cause] += (at - e.Mark).Nanoseconds;
        e.Mark = at;
        e.Cause = next;
    }

    /// <summary>The request travels one way from the client to the replica.</summary>
    private void Send(int slot) => _toReplica[_exchanges[slot].Source].Schedule(_exchanges.Handle(slot));

    // ---- controller replica --------------------------------------------------------------------

    private void OnAtReplica(int slot)
    {
        ref var e = ref _exchanges[slot];
        if (e.ClientGone)
        {
            _exchanges.Free(slot); // the client closed the connection under its request: nothing arrives
            return;
        }
        var replica = _cluster.Replicas[e.Replica];
        ref var c = ref _connections[e.Connection];
        if (!replica.Alive || replica.Incarnation != c.ReplicaIncarnation)
        {
            _connections.Close(e.Connection);
            Fail(slot, ResponseStatus.ConnectionReset, OneWay(_cluster.Sources[e.Source]));
            return;
        }
        if (c.ServerClosedAt <= _simulation.Now)
        {
            // The request met a socket nginx had just closed: the client gets a reset one trip later and,
            // as HTTP clients do for a reused connection (RFC 9110 §9.2.2), resends it on a new one.
            Disturbed(ref c, replica);
            _connections.Close(e.Connection);
            e.Connection = -1;
            Enter(ref e, LatencyCause.Reset);
            _simulation.ScheduleAfter(OneWay(_cluster.Sources[e.Source]), _id, KindSynRetransmit, _exchanges.Handle(slot));
            e.UpstreamTries = 0;
            return;
        }
        // Envoy matches routes linearly (MODEL_FACTS §3: ~43 ns per route), a cost that grows with the config.
        if (replica.Controller.Spec.Kind == Scenarios.Cluster.ControllerKind.Envoy)
            e.ReplicaCpu += replica.Controller.Spec.Envoy.RouteMatchCost * replica.Controller.RouteCount;
        if (replica.RateLimits is { } limits)
        {
            // MODEL_FACTS §2: limits are per replica, keyed by client address; a rejection costs the check only.
            var verdict = limits.Admit(e.Client, _simulation.Now);
            e.ReplicaCpu += replica.Controller.Spec.Costs.RateLimit;
            if (!verdict.Admitted)
            {
                replica.CpuSeconds += replica.Controller.Spec.Costs.RateLimit.TotalSeconds;
                Respond(slot, HttpStatuses.ToResponseStatus(verdict.Status), Duration.Zero);
                return;
            }
            e.HoldsRateLimit = true;
        }
        Enter(ref e, LatencyCause.ControllerQueue);
        replica.RunOnWorkers(_exchanges.Handle(slot), e.ReplicaCpu);
    }

    /// <summary>Told when a replica's reload has finished its CPU work (set by the control plane).</summary>
    public IReloadCompletion? Reloads { get; set; }

    /// <summary>Queues a reload's CPU work on the replica's workers: it competes with requests for the cores.</summary>
    public void StartReloadWork(ControllerReplica replica, Duration cpu) => replica.RunOnWorkers(~(long)replica.Id, cpu);

    /// <summary>
    /// A reload's new workers take over (MODEL_FACTS §1): old workers close their idle keep-alive
    /// connections now and busy ones after the response in flight; their listeners close (with
    /// reuseport, connections still queued on them are lost); the new workers' upstream keep-alive
    /// pools start empty. Returns the client connections open at that moment.
    /// </summary>
    public int RetireWorkers(ControllerReplica replica)
    {
        var now = _simulation.Now;
        int active = 0;
        for (int id = 0; id < _connections.Capacity; id++)
        {
            ref var c = ref _connections[id];
            if (!IsServing(in c, replica)) continue;
            active++;
            c.ClosedByReload = replica.ReloadSequence;
            // Long-lived connections keep the old worker alive until worker-shutdown-timeout cuts them.
            if (c.WebSocket && c.Busy) CutWebSocketBy(id, now + replica.Controller.Spec.Nginx.WorkerShutdownTimeout, WebSocketEnd.WorkerShutdown);
            else if (c.Busy) c.CloseAfterResponse = true;
            else c.ServerClosedAt = now;
        }
        replica.ListenersClosedAt = now;
        replica.UpstreamPool.Clear();
        return active;
    }

    /// <summary>
    /// Envoy replaced the listener's filter chains (an LDS update, MODEL_FACTS §3): the connections on them —
    /// the TLS connections open now; later ones land on the new chains — drain for <paramref name="drainTime"/>.
    /// With the default gradual strategy the share of them told to go grows linearly to 100 % over the drain
    /// time (Envoy docs, operations/draining and --drain-strategy), so each closes at a uniform instant within
    /// it (GOAWAY; Connection: close on HTTP/1.1, which we take as a close at that instant); WebSockets stay
    /// until the drain ends and are cut then (Contour #499). Returns the draining connections and WebSockets.
    /// </summary>
    public (int Connections, int WebSockets) DrainListener(ControllerReplica replica, Duration drainTime, RandomStream spread)
    {
        var now = _simulation.Now;
        int connections = 0, webSockets = 0;
        for (int id = 0; id < _connections.Capacity; id++)
        {
            ref var c = ref _connections[id];
            if (!IsServing(in c, replica) || !_cluster.Handshakes[Pool(c.Source, c.Controller)].Tls) continue;
            connections++;
            if (c.WebSocket && c.Busy)
            {
                webSockets++;
                CutWebSocketBy(id, now + drainTime, WebSocketEnd.ListenerDrain);
            }
            else c.ServerClosedAt = now + Duration.FromNanoseconds((long)spread.NextBounded((ulong)drainTime.Nanoseconds + 1));
        }
        return (connections, webSockets);
    }

    /// <summary>
    /// Open on the replica's current incarnation (a crash's orphans are not on its workers) and not yet closed
    /// or closing by the server: what a reload or a listener drain takes down.
    /// </summary>
    private static bool IsServing(in ClientConnection c, ControllerReplica replica) =>
        c.Open && c.Replica == replica.Id && c.ReplicaIncarnation == replica.Incarnation && c.ServerClosedAt == Instant.MaxValue;

    private void OnReplicaCpuDone(long handle, Instant started)
    {
        if (handle < 0)
        {
            Reloads?.OnReloadWorkDone(_cluster.Replicas[(int)~handle]);
            return;
        }
        if (!_exchanges.TryResolve(handle, out int slot)) return;
        ref var e = ref _exchanges[slot];
        if (e.AwaitingAccept)
        {
            e.AwaitingAccept = false;
            if (e.ClientGone) _exchanges.Free(slot);
            else Accept(slot);
            return;
        }
        EnterAt(ref e, started, LatencyCause.ControllerCpu);
        var replica = _cluster.Replicas[e.Replica];
        if (LostWithItsReplica(in e))
        {
            ResetByDeadReplica(slot);
            return;
        }
        replica.CpuSeconds += e.ReplicaCpu.TotalSeconds;
        var controller = replica.Controller;
        var source = _cluster.Sources[e.Source];
        var route = controller.Router.Route(in source.Targets[e.Target].Request, _cluster.RoutingStreams[controller.Id]);
        if (!route.IsProxied || !_cluster.TryGetService(route.Backend!, out var service))
        {
            Respond(slot, HttpStatuses.ToResponseStatus(route.Status ?? 503), Duration.Zero);
            return;
        }
        e.Service = service.Id;
        e.Series = service.Id;
        e.ReadTimeout = ReadTimeout(controller, route.Origin);
        e.UpstreamTries = 0;
        ForwardToPod(slot);
    }

    /// <summary>Picks an endpoint (round robin over the endpoints the controller has configured) and opens or reuses an upstream connection.</summary>
    private void ForwardToPod(int slot)
    {
        ref var e = ref _exchanges[slot];
        var service = _cluster.Services[e.Service];
        var replica = _cluster.Replicas[e.Replica];
        if (replica.Controller.Spec.ServiceUpstream)
        {
            ForwardToClusterIp(slot, replica, service);
            return;
        }
        int endpoint = e.UpstreamTries == 0 && service.CookieAffinity && StickyPod(ref e, replica, service) is int pinned
            ? pinned
            : replica.PickEndpoint(service, _simulation.Now);
        if (endpoint < 0)
        {
            // ingress-nginx answers 503 for an upstream with no endpoints (MODEL_FACTS §9).
            Respond(slot, ResponseStatus.ServiceUnavailable503, Duration.Zero);
            return;
        }
        var pod = _cluster.Pods[endpoint];
        e.Pod = pod.Id;
        e.UpstreamSentAt = _simulation.Now;
        e.UpstreamTries++;
        Enter(ref e, LatencyCause.UpstreamNetwork);
        if (replica.Controller.DeniedServices.Contains(service.Id))
        {
            // A NetworkPolicy drops the SYN silently: nothing answers until proxy-connect-timeout
            // (MODEL_FACTS §2: 5 s), then the next upstream — equally blocked — and finally 504.
            e.AwaitingPod = true;
            _simulation.ScheduleAfter(replica.Controller.Spec.Nginx.Proxy.ConnectTimeout, _id, KindUpstreamTimeout, _exchanges.Handle(slot));
            return;
        }
        bool reused = replica.UpstreamPool.TryTake(pod.Id, _simulation.Now, out var upstream);
        e.UpstreamConnectionRequests = reused ? upstream.Requests : 0;
        (reused ? _toPodWarm : _toPodCold).Schedule(_exchanges.Handle(slot));
    }

    /// <summary>
    /// service-upstream (MODEL_FACTS §2): nginx's one upstream is the ClusterIP, so the node's kube-proxy
    /// picks the pod — by its own rules, stale until its next sync (MODEL_FACTS §4), and blind to
    /// nginx's balancing and affinity; there is no other upstream to retry. Each connection pays the
    /// mode's first-packet latency (upstream keep-alive through the ClusterIP is not modelled).
    /// </summary>
    private void ForwardToClusterIp(int slot, ControllerReplica replica, ServiceBackend service)
    {
        ref var e = ref _exchanges[slot];
        var now = _simulation.Now;
        int endpoint = replica.NodeKubeProxy!.Pick(service.Id, e.Client, now, replica.BalancerStream);
        e.UpstreamTries = replica.Controller.Spec.Nginx.Proxy.NextUpstreamTries;
        e.UpstreamConnectionRequests = -1; // not pooled
        if (endpoint < 0)
        {
            // No endpoint in the rules: the ClusterIP rejects the connection.
            Respond(slot, ResponseStatus.BadGateway502, _cluster.PodNetworkLatency);
            return;
        }
        e.Pod = endpoint;
        e.UpstreamSentAt = now;
        Enter(ref e, LatencyCause.UpstreamNetwork);
        var oneWay = _cluster.PodNetworkLatency;
        _simulation.ScheduleAfter(replica.FirstPacket!.Sample(replica.BalancerStream) + oneWay * 3, _id, KindAtPod, _exchanges.Handle(slot));
    }

    private static long CookieKey(in Exchange e) => ((long)e.Source << 52) | ((long)e.Client << 20) | (uint)e.Service;

    /// <summary>The pod the client's affinity cookie names, if nginx still has it among the endpoints (balanced mode).</summary>
    private int? StickyPod(ref Exchange e, ControllerReplica replica, ServiceBackend service)
    {
        if (!_affinityCookies.TryGetValue(CookieKey(e), out int pod)) return null;
        return Array.IndexOf(replica.Controller.Endpoints(service.Id).Ids, pod) >= 0 ? pod : null;
    }

    /// <summary>
    /// The first response sets the cookie to the pod that served it; later requests count as kept when
    /// they reach that pod again. nginx re-pins when the pod is gone; with service-upstream the cookie
    /// pins only the ClusterIP, so kube-proxy's choice breaks the session (the article's edge case).
    /// </summary>
    private void TrackAffinity(in Exchange e, ServiceBackend service, int pod)
    {
        if (!service.CookieAffinity) return;
        ref int pinned = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_affinityCookies, CookieKey(e), out bool exists);
        if (!exists)
        {
            pinned = pod;
            return;
        }
        _metrics.RecordAffinity(pinned == pod);
        var controller = _cluster.Controllers[e.Controller];
        if (!controller.Spec.ServiceUpstream && Array.IndexOf(controller.Endpoints(service.Id).Ids, pinned) < 0) pinned = pod;
    }

    // ---- pod -----------------------------------------------------------------------------------

    private void OnAtPod(int slot)
    {
        ref var e = ref _exchanges[slot];
        var pod = _cluster.Pods[e.Pod];
        if (!pod.Running)
        {
            // Connection refused: nginx tries the next upstream (proxy_next_upstream error, 3 tries; MODEL_FACTS §2).
            var proxy = _cluster.Controllers[e.Controller].Spec.Nginx.Proxy;
            if (e.UpstreamTries < proxy.NextUpstreamTries) ForwardToPod(slot);
            else Respond(slot, ResponseStatus.BadGateway502, _cluster.PodNetworkLatency);
            return;
        }
        var service = _cluster.Services[e.Service];
        var serviceTime = Duration.FromSecondsRounded(service.ServiceTime.Sample());
        bool startsNow = pod.Station.Busy < pod.Station.Servers;
        pod.Station.Arrive(_exchanges.Handle(slot), serviceTime);
        e.AwaitingPod = true;
        e.PodArrivedAt = _simulation.Now;
        Enter(ref e, startsNow ? LatencyCause.PodService : LatencyCause.PodQueue);
        // The proxy's timeout can only fire if the response may come later than it: the request queues,
        // or its own service takes that long. Otherwise no timer is needed (no event per request).
        var deadline = e.UpstreamSentAt + e.ReadTimeout;
        if (!startsNow || _simulation.Now + serviceTime + _cluster.PodNetworkLatency > deadline)
            _simulation.Schedule(Instant.Max(deadline, _simulation.Now), _id, KindUpstreamTimeout, _exchanges.Handle(slot));
    }

    /// <summary>
    /// How long the replica waits for the pod's response: nginx proxy-read-timeout (MODEL_FACTS §2: 60 s;
    /// the route's Ingress may set its own with the proxy-read-timeout annotation, the article's
    /// WebSocket fix), Envoy's route timeout (MODEL_FACTS §3: 15 s).
    /// </summary>
    private Duration ReadTimeout(IngressController controller, RouteOrigin? origin)
    {
        if (controller.Spec.Kind == Scenarios.Cluster.ControllerKind.Envoy) return controller.Spec.Envoy.RouteTimeout;
        return origin is not null && _cluster.IngressReadTimeouts.TryGetValue((origin.Namespace, origin.Name), out var timeout)
            ? timeout
            : controller.Spec.Nginx.Proxy.ReadTimeout;
    }

    /// <summary>
    /// The pod has not answered in time: the proxy gives up with 504 or, as proxy_next_upstream
    /// "timeout" allows (MODEL_FACTS §2), tries another pod. The pod still finishes the work it holds.
    /// </summary>
    private void OnUpstreamTimeout(int slot)
    {
        ref var e = ref _exchanges[slot];
        if (!e.AwaitingPod) return;
        e.AwaitingPod = false;
        var controller = _cluster.Controllers[e.Controller];
        // Envoy retries only under a route retry policy, which is off by default.
        bool nextUpstream = controller.Spec.Kind == Scenarios.Cluster.ControllerKind.Nginx && !controller.Spec.ServiceUpstream;
        if (nextUpstream && e.UpstreamTries < controller.Spec.Nginx.Proxy.NextUpstreamTries) ForwardToPod(slot);
        else Respond(slot, ResponseStatus.GatewayTimeout504, Duration.Zero);
    }

    private void OnPodDone(FifoStation station, long handle, Instant arrived, Instant started)
    {
        bool current = _exchanges.TryResolve(handle, out int slot) && _exchanges[slot].AwaitingPod
            && _cluster.Pods[_exchanges[slot].Pod].Station == station && _exchanges[slot].PodArrivedAt == arrived;
        // Work the proxy gave up on still burnt the pod's CPU (found by station: a rare path).
        var pod = current ? _cluster.Pods[_exchanges[slot].Pod] : _cluster.PodOf(station);
        var podService = _cluster.Services[pod.Service];
        var cpu = podService.Workload.CpuPerRequest ?? _simulation.Now - started;
        pod.CpuSeconds += cpu.TotalSeconds;
        podService.CpuSeconds += cpu.TotalSeconds;
        if (!current) return;
        ref var e = ref _exchanges[slot];
        e.AwaitingPod = false;
        EnterAt(ref e, started, LatencyCause.PodService);
        TrackAffinity(e, _cluster.Services[e.Service], pod.Id);
        var replica = _cluster.Replicas[e.Replica];
        replica.ObserveUpstream(e.Service, pod.Id, _simulation.Now - e.UpstreamSentAt, _simulation.Now);
        if (e.UpstreamConnectionRequests >= 0)
            _cluster.Replicas[e.Replica].UpstreamPool.Return(new UpstreamConnection(pod.Id, e.UpstreamConnectionRequests), _simulation.Now);
        Respond(slot, ResponseStatus.Ok2xx, _cluster.PodNetworkLatency);
    }

    // ---- back to the client --------------------------------------------------------------------

    /// <summary>The replica answers; the response reaches the client after <paramref name="upstreamDelay"/> plus the trip back.</summary>
    private void Respond(int slot, ResponseStatus status, Duration upstreamDelay)
    {
        ref var e = ref _exchanges[slot];
        if (LostWithItsReplica(in e))
        {
            ResetByDeadReplica(slot);
            return;
        }
        e.Status = status;
        Enter(ref e, LatencyCause.ClientNetwork);
        if (e.HoldsRateLimit)
        {
            _cluster.Replicas[e.Replica].RateLimits!.Release(e.Client);
            e.HoldsRateLimit = false;
        }
        long handle = _exchanges.Handle(slot);
        if (upstreamDelay == Duration.Zero) _fromReplica[e.Source].Schedule(handle);
        else if (upstreamDelay == _cluster.PodNetworkLatency) _fromPod[e.Source].Schedule(handle);
        else _simulation.ScheduleAfter(upstreamDelay + OneWay(_cluster.Sources[e.Source]), _id, KindDelivered, handle);
    }

    /// <summary>The process of the request's replica died (and maybe restarted) since its connection was made: the request went with it.</summary>
    private bool LostWithItsReplica(in Exchange e)
    {
        var replica = _cluster.Replicas[e.Replica];
        return !replica.Alive || (e.Connection >= 0 && replica.Incarnation != _connections[e.Connection].ReplicaIncarnation);
    }

    /// <summary>The client's connection died with the replica: it sees a reset (and may retry).</summary>
    private void ResetByDeadReplica(int slot)
    {
        ref var e = ref _exchanges[slot];
        e.HoldsRateLimit = false; // the counters died with the process (a restart starts them empty)
        if (e.Connection >= 0) _connections.Close(e.Connection);
        Fail(slot, ResponseStatus.ConnectionReset, OneWay(_cluster.Sources[e.Source]));
    }

    /// <summary>The attempt failed without a response (reset, refused): the client learns after <paramref name="delay"/>.</summary>
    private void Fail(int slot, ResponseStatus status, Duration delay)
    {
        ref var e = ref _exchanges[slot];
        e.Status = status;
        e.Connection = -1;
        Enter(ref e, LatencyCause.Reset);
        _simulation.ScheduleAfter(delay, _id, KindDelivered, _exchanges.Handle(slot));
    }

    private void OnDelivered(int slot)
    {
        ref var e = ref _exchanges[slot];
        if (e.ClientGone)
        {
            _exchanges.Free(slot); // the client left long ago: the work only held capacity
            return;
        }
        var now = _simulation.Now;
        Enter(ref e, LatencyCause.RetryBackoff); // the answer is in: a retry's back-off starts now
        if (e.Connection >= 0)
        {
            ref var c = ref _connections[e.Connection];
            if (c.WebSocket && e.Status == ResponseStatus.Ok2xx) StartWebSocket(e.Connection, e.ReadTimeout);
            else if (c.CloseAfterResponse)
            {
                // Its worker was retired by a reload: the response carried Connection: close.
                Disturbed(ref c, _cluster.Replicas[c.Replica]);
                _connections.Close(e.Connection);
            }
            else _connections.Release(e.Connection, now, Pool(e.Source, e.Controller));
        }
        if (!TryRetry(slot, now))
            Finish(slot, e.Status, now);
        _exchanges.Free(slot);
    }

    // ---- WebSockets -----------------------------------------------------------------------------

    /// <summary>
    /// The upgrade succeeded: the connection now carries one session for its sampled lifetime, unless
    /// the proxy cuts it first for idleness — nginx proxy-read-timeout (MODEL_FACTS §2: 60 s, the
    /// article's WebSocket edge case), Envoy's stream idle timeout (MODEL_FACTS §3: 5 min) — when no
    /// message arrives within it.
    /// </summary>
    private void StartWebSocket(int connection, Duration readTimeout)
    {
        ref var c = ref _connections[connection];
        var source = _cluster.Sources[c.Source];
        var controller = _cluster.Controllers[c.Controller];
        var idleLimit = controller.Spec.Kind == Scenarios.Cluster.ControllerKind.Envoy ? controller.Spec.Envoy.StreamIdleTimeout : readTimeout;
        var lifetime = Duration.FromSecondsRounded(source.WebSocketLifetime!.Sample());
        var (end, reason) = (lifetime, WebSocketEnd.Completed);
        if (source.WebSocketMessages is null)
        {
            if (lifetime > idleLimit) (end, reason) = (idleLimit, WebSocketEnd.IdleTimeout);
        }
        else
        {
            // Walk the session's message gaps: the first longer than the idle limit ends it there.
            for (var t = Duration.Zero; t < lifetime;)
            {
                var gap = Duration.FromSecondsRounded(source.WebSocketMessages.Sample());
                if (gap > idleLimit && t + idleLimit < lifetime)
                {
                    (end, reason) = (t + idleLimit, WebSocketEnd.IdleTimeout);
                    break;
                }
                t += gap;
            }
        }
        // An upgrade in flight at a reload or a listener drain became a session there: that cut still stands.
        if (_simulation.Now + end > c.CutAt) EndWebSocketAt(connection, Instant.Max(c.CutAt, _simulation.Now), c.CutReason);
        else EndWebSocketAt(connection, _simulation.Now + end, reason);
    }

    private void EndWebSocketAt(int connection, Instant at, WebSocketEnd reason)
    {
        ref var c = ref _connections[connection];
        c.WebSocketEndsAt = at;
        c.WebSocketEnd = reason;
        _simulation.Schedule(at, _id, KindWebSocketEnd, ((long)c.Generation << 32) | (uint)connection);
    }

    /// <summary>
    /// The proxy cuts the session at <paramref name="cut"/> unless it ends earlier anyway; an upgrade still in
    /// flight keeps the cut for when its session starts (<see cref="StartWebSocket"/>).
    /// </summary>
    private void CutWebSocketBy(int connection, Instant cut, WebSocketEnd reason)
    {
        ref var c = ref _connections[connection];
        if (cut >= c.CutAt) return; // an earlier cut stands
        c.CutAt = cut;
        c.CutReason = reason;
        if (c.InSession && cut < c.WebSocketEndsAt) EndWebSocketAt(connection, cut, reason);
    }

    private void OnWebSocketEnd(long handle)
    {
        int id = (int)(uint)handle;
        ref var c = ref _connections[id];
        if (!c.Open || c.Generation != (int)(handle >> 32) || c.WebSocketEndsAt != _simulation.Now) return; // superseded by an earlier cut
        _metrics.RecordWebSocketEnd(c.WebSocketEnd);
        _connections.Close(id);
    }

    /// <summary>
    /// The replica died: every WebSocket session on it is cut now, and an upgrade still in flight is cut the
    /// moment it would start (its exchange, not the crash, owns the connection until then).
    /// </summary>
    public void CutWebSockets(ControllerReplica replica)
    {
        for (int id = 0; id < _connections.Capacity; id++)
        {
            ref var c = ref _connections[id];
            if (c.Open && c.Replica == replica.Id && c.WebSocket && c.Busy) CutWebSocketBy(id, _simulation.Now, WebSocketEnd.ControllerCrash);
        }
    }

    private readonly HashSet<long> _retiredGenerations = [];

    /// <summary>
    /// nginx worker generations alive on <paramref name="replica"/> (0 when it is down): the current one
    /// plus every retired one still holding a connection of this incarnation — a WebSocket until it ends
    /// or worker-shutdown-timeout cuts it, a request until its response is sent (MODEL_FACTS §1: they
    /// pile up). Cold path: a scan of the connections.
    /// </summary>
    public int LiveWorkerGenerations(ControllerReplica replica)
    {
        if (!replica.Alive) return 0;
        var now = _simulation.Now;
        _retiredGenerations.Clear();
        for (int id = 0; id < _connections.Capacity; id++)
        {
            ref var c = ref _connections[id];
            if (c.Open && c.Busy && c.Replica == replica.Id && c.ReplicaIncarnation == replica.Incarnation
                && c.WorkerGeneration < replica.ReloadSequence && c.ServerClosedAt > now)
                _retiredGenerations.Add(c.WorkerGeneration);
        }
        return 1 + _retiredGenerations.Count;
    }

    private void Finish(int slot, ResponseStatus status, Instant now)
    {
        ref var e = ref _exchanges[slot];
        _metrics.RecordResponse(e.Series, e.IntendedStart, now, status, e.Spent, e.Attempt + 1);
        Finished++;
    }

    /// <summary>
    /// A client retry is new load: a new attempt after the back-off, same intended start. Resets,
    /// refusals and timeouts are always retried; statuses only when the policy lists them.
    /// </summary>
    private bool TryRetry(int slot, Instant now)
    {
        ref var e = ref _exchanges[slot];
        var source = _cluster.Sources[e.Source];
        if (source.Retry is not { } retry || e.Attempt >= retry.MaxRetries) return false;
        bool retryable = e.Status is ResponseStatus.ConnectionReset or ResponseStatus.ConnectionRefused or ResponseStatus.ClientTimeout
            || (e.Status != ResponseStatus.Ok2xx && retry.RetriesStatus(HttpStatuses.ToHttpCode(e.Status)));
        if (!retryable) return false;
        int next = _exchanges.Allocate();
        ref var n = ref _exchanges[next];
        ref var old = ref _exchanges[slot]; // the table may have grown: take the reference again
        n.Source = old.Source;
        n.Target = old.Target;
        n.Client = old.Client;
        n.Series = source.Targets[old.Target].Series;
        n.IntendedStart = old.IntendedStart;
        n.Attempt = old.Attempt + 1;
        n.Spent = old.Spent;
        n.Mark = now;
        n.Cause = LatencyCause.RetryBackoff;
        _metrics.RecordRetry(now, old.Series);
        _simulation.ScheduleAfter(retry.Delay(n.Attempt), _id, KindRetry, _exchanges.Handle(next));
        return true;
    }

    private void OnTimeouts(TrafficSource source)
    {
        var now = _simulation.Now;
        var queue = source.Timeouts;
        while (queue.Count > 0 && queue.HeadDeadline <= now)
        {
            long handle = queue.Dequeue();
            if (!_exchanges.TryResolve(handle, out int slot)) continue;
            ref var e = ref _exchanges[slot];
            if (e.ClientGone) continue;
            // The client gives up and closes its connection; the cluster may still be working on it.
            e.ClientGone = true;
            Enter(ref e, LatencyCause.RetryBackoff); // the wait so far is its cause's; a retry's back-off starts now
            if (e.Connection >= 0) _connections.Close(e.Connection);
            e.Connection = -1; // the slot may soon hold another client's connection
            e.Status = ResponseStatus.ClientTimeout;
            if (!TryRetry(slot, now)) Finish(slot, ResponseStatus.ClientTimeout, now);
        }
        source.TimeoutTimerPending = queue.Count > 0;
        if (source.TimeoutTimerPending) _simulation.Schedule(NextTimeoutTick(queue.HeadDeadline), _id, KindTimeouts, source.Id);
    }

    /// <summary>The first timer tick at or after <paramref name="deadline"/>.</summary>
    private static Instant NextTimeoutTick(Instant deadline)
    {
        long tick = TimeoutTick.Nanoseconds;
        return new Instant((deadline.Nanoseconds + tick - 1) / tick * tick);
    }

    private sealed class ReplicaCpuDone(RequestPath path) : IStationListener
    {
        public void OnDeparture(FifoStation station, long customer, Instant arrived, Instant started) => path.OnReplicaCpuDone(customer, started);
    }

    private sealed class PodDone(RequestPath path) : IStationListener
    {
        public void OnDeparture(FifoStation station, long customer, Instant arrived, Instant started) => path.OnPodDone(station, customer, arrived, started);
    }
}

using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;

namespace IngressSim.Model.Pipeline;

/// <summary>
/// One attempt of one client request on its way through the cluster, kept by value in an
/// <see cref="ExchangeTable"/>. A client retry is a new exchange that keeps <see cref="IntendedStart"/>,
/// so the latency the client experiences includes every attempt (no coordinated omission).
/// </summary>
public struct Exchange
{
    /// <summary>Bumped whenever the slot is reused: events carry it so stale ones (an old timeout) are ignored.</summary>
    public int Generation;
    public bool InUse;

    public int Source;
    /// <summary>Index of the (host, request kind) target in the source's mix.</summary>
    public int Target;
    public int Client;
    /// <summary>0 for the first attempt, k for the k-th client retry.</summary>
    public int Attempt;
    public Instant IntendedStart;

    public int Connection;
    public int Controller;
    public int Replica;
    /// <summary>The metrics series (the backend Service, or the unrouted series).</summary>
    public int Series;
    public int Service;
    public int Pod;
    /// <summary>Upstream tries so far (proxy_next_upstream).</summary>
    public int UpstreamTries;
    /// <summary>Requests the upstream connection carrying it had served before (0 for a fresh connect).</summary>
    public int UpstreamConnectionRequests;

    /// <summary>How long the proxy waits for the pod's response (and a WebSocket's next message) on this route.</summary>
    public Duration ReadTimeout;

    /// <summary>When the replica sent it upstream (connect included): EWMA observes the response time from here.</summary>
    public Instant UpstreamSentAt;

    /// <summary>Waiting for the pod's response; false once the replica gave up on it (timeout) or got it.</summary>
    public bool AwaitingPod;

    /// <summary>When the current upstream attempt reached its pod: tells its response from a given-up attempt's on the same pod.</summary>
    public Instant PodArrivedAt;

    /// <summary>Admitted by the replica's rate limits: limit-connections counts it until the response.</summary>
    public bool HoldsRateLimit;

    /// <summary>When its SYN reached the replica (a new connection), to tell whether a reload dropped it from a listener queue.</summary>
    public Instant SynArrivedAt;

    /// <summary>Its new connection waits in the listener's accept queue for a busy worker.</summary>
    public bool AwaitingAccept;

    /// <summary>CPU the replica spends on it: request handling plus a TLS handshake when the connection is new.</summary>
    public Duration ReplicaCpu;

    /// <summary>Where its time has gone so far (the current interval, from <see cref="Mark"/> on, is <see cref="Cause"/>'s).</summary>
    public CauseTimes Spent;
    public Instant Mark;
    public LatencyCause Cause;

    /// <summary>The client stopped waiting (timeout or reset); the cluster may still be working on it.</summary>
    public bool ClientGone;
    public ResponseStatus Status;
}

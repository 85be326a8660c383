using IngressSim.Engine.Time;
using IngressSim.Model.Metrics;

namespace IngressSim.Model.Pipeline;

/// <summary>
/// A client's TCP (+TLS) connection through the cloud LB to one controller replica. The LB pins a
/// connection to its replica for life (MODEL_FACTS §7), so reusing it keeps hitting that replica.
/// </summary>
public struct ClientConnection
{
    public bool Open;
    /// <summary>Bumped when the slot is reused, so a stale idle-queue entry cannot pick up a stranger's connection.</summary>
    public int Generation;
    public int Source;
    public int Client;
    public int Controller;
    public int Replica;
    /// <summary>Incarnation of the replica when the connection was made: a restart orphans older connections.</summary>
    public int ReplicaIncarnation;
    public int Requests;
    public Instant IdleSince;
    public bool Busy;

    /// <summary>When the server closed it (an nginx reload ending its worker), or <see cref="Instant.MaxValue"/>; the client learns one trip later.</summary>
    public Instant ServerClosedAt;

    /// <summary>Its worker is draining: it is closed once the response in flight is sent (Connection: close).</summary>
    public bool CloseAfterResponse;

    /// <summary>Upgraded to a WebSocket: after the upgrade response it carries one long session, never another request.</summary>
    public bool WebSocket;

    /// <summary>When the session ends (its lifetime, or the proxy cutting it) and why; a later cut replaces an earlier end.</summary>
    public Instant WebSocketEndsAt;
    public WebSocketEnd WebSocketEnd;

    /// <summary>Its session has started (the upgrade was answered): <see cref="WebSocketEndsAt"/> is set.</summary>
    public readonly bool InSession => WebSocketEndsAt != default;

    /// <summary>
    /// When the proxy will cut it — worker-shutdown-timeout of its retired nginx worker, the end of an Envoy
    /// listener drain — and why, or <see cref="Instant.MaxValue"/>: an upgrade answered after that started is cut then too.
    /// </summary>
    public Instant CutAt;
    public WebSocketEnd CutReason;

    /// <summary>The replica's reload count when it was opened: its nginx worker generation.</summary>
    public long WorkerGeneration;

    /// <summary>The reload (replica reload sequence) that retired its worker: a disturbance found later counts for that reload.</summary>
    public long ClosedByReload;

    /// <summary>Already counted as disturbed (once per connection).</summary>
    public bool Disturbed;
}

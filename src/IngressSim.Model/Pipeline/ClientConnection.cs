using IngressSim.Engine.Time;

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

    /// <summary>The reload that disturbed it (replica reload sequence), so the reload's affected count includes it once.</summary>
    public long DisturbedByReload;
}

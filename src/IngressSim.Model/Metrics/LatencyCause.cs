namespace IngressSim.Model.Metrics;

/// <summary>
/// Where a request's time goes, hop by hop: every nanosecond from when the client meant to send until
/// it got its answer (or gave up) is spent in exactly one of these, so a request's causes add up to
/// its latency — the "why" behind a slow window.
/// </summary>
public enum LatencyCause : byte
{
    /// <summary>Request and response trips between the client and the controller (through the cloud LB; the response's hop from the pod included).</summary>
    ClientNetwork,
    /// <summary>The TCP handshake of a new connection.</summary>
    TcpHandshake,
    /// <summary>Waiting for a lost SYN's retransmission (RFC 6298 back-off: 1 s, 2 s, …).</summary>
    SynRetransmit,
    /// <summary>In the listener's accept queue, waiting for a busy worker.</summary>
    AcceptQueue,
    /// <summary>The TLS round trips of a new connection (the request rides with the last flight).</summary>
    TlsHandshake,
    /// <summary>Waiting for a controller worker (CPU queue).</summary>
    ControllerQueue,
    /// <summary>The replica's CPU work on it: routing, proxying, TLS crypto, rate limits, WAF.</summary>
    ControllerCpu,
    /// <summary>Controller ↔ pod trips, a cold upstream pool's connect, kube-proxy, a dropped upstream SYN.</summary>
    UpstreamNetwork,
    /// <summary>Waiting for a pod slot.</summary>
    PodQueue,
    /// <summary>The pod working on it (or not answering before the proxy gave up).</summary>
    PodService,
    /// <summary>An attempt lost to a reset or a connection closed under it, until the client knew.</summary>
    Reset,
    /// <summary>The client's back-off before a retry.</summary>
    RetryBackoff,
}

public static class LatencyCauses
{
    public const int Count = 12;

    public static readonly IReadOnlyList<LatencyCause> All = Enum.GetValues<LatencyCause>();

    /// <summary>The camelCase name used as a JSON key.</summary>
    public static string JsonName(LatencyCause cause)
    {
        string name = cause.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>The snake_case name used in CSV columns.</summary>
    public static string Key(LatencyCause cause) => cause switch
    {
        LatencyCause.ClientNetwork => "client_network",
        LatencyCause.TcpHandshake => "tcp_handshake",
        LatencyCause.SynRetransmit => "syn_retransmit",
        LatencyCause.AcceptQueue => "accept_queue",
        LatencyCause.TlsHandshake => "tls_handshake",
        LatencyCause.ControllerQueue => "controller_queue",
        LatencyCause.ControllerCpu => "controller_cpu",
        LatencyCause.UpstreamNetwork => "upstream_network",
        LatencyCause.PodQueue => "pod_queue",
        LatencyCause.PodService => "pod_service",
        LatencyCause.Reset => "reset",
        LatencyCause.RetryBackoff => "retry_backoff",
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, null),
    };

    /// <summary>What a person reads in a legend or an explanation.</summary>
    public static string Label(LatencyCause cause) => cause switch
    {
        LatencyCause.ClientNetwork => "client network",
        LatencyCause.TcpHandshake => "TCP handshake",
        LatencyCause.SynRetransmit => "SYN retransmit",
        LatencyCause.AcceptQueue => "accept queue",
        LatencyCause.TlsHandshake => "TLS handshake",
        LatencyCause.ControllerQueue => "controller queue",
        LatencyCause.ControllerCpu => "controller CPU",
        LatencyCause.UpstreamNetwork => "upstream network",
        LatencyCause.PodQueue => "pod queue",
        LatencyCause.PodService => "pod service",
        LatencyCause.Reset => "reset",
        LatencyCause.RetryBackoff => "retry back-off",
        _ => throw new ArgumentOutOfRangeException(nameof(cause), cause, null),
    };
}

/// <summary>One request's time per cause, in nanoseconds, inline in its exchange (no allocation).</summary>
[System.Runtime.CompilerServices.InlineArray(LatencyCauses.Count)]
public struct CauseTimes
{
    private long _nanoseconds;

    public readonly long Total
    {
        get
        {
            long total = 0;
            foreach (long ns in this) total += ns;
            return total;
        }
    }
}

/// <summary>Mean milliseconds per cause over a set of requests (empty when there were none).</summary>
public sealed record LatencyBreakdown(long Requests, IReadOnlyList<double> MeanMs)
{
    public static readonly LatencyBreakdown Empty = new(0, new double[LatencyCauses.Count]);

    public double this[LatencyCause cause] => MeanMs[(int)cause];
}

/// <summary>The slowest request of a window, with where its time went.</summary>
public sealed record SlowRequest(double LatencyMs, double CompletedAtSeconds, int Series, ResponseStatus Status, int Attempts, IReadOnlyList<double> Ms)
{
    public double this[LatencyCause cause] => Ms[(int)cause];
}

/// <summary>Sums per cause over requests, for a window, a phase or the run.</summary>
internal sealed class BreakdownAccumulator
{
    private readonly long[] _sums = new long[LatencyCauses.Count];
    private long _requests;

    public void Add(in CauseTimes spent)
    {
        for (int i = 0; i < LatencyCauses.Count; i++) _sums[i] += spent[i];
        _requests++;
    }

    public LatencyBreakdown Result() => _requests == 0
        ? LatencyBreakdown.Empty
        : new LatencyBreakdown(_requests, _sums.Select(ns => ns / 1e6 / _requests).ToArray());

    public void Reset()
    {
        Array.Clear(_sums);
        _requests = 0;
    }
}

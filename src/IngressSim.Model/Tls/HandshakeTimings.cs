using IngressSim.Engine.Time;
using IngressSim.Scenarios.Cluster;
using IngressSim.Scenarios.Traffic;

namespace IngressSim.Model.Tls;

/// <summary>
/// What opening a connection costs before the first request byte can go: client round trips (TCP
/// handshake plus the TLS handshake of the source's version) and the server CPU for the TLS part.
/// The request itself rides on the final handshake flight, so it is not counted here.
/// </summary>
public readonly record struct HandshakeTimings(TlsVersion Version, Duration FullHandshakeCpu, Duration ResumedHandshakeCpu)
{
    // SYN → SYN-ACK: one round trip; the ACK travels with the first data (client hello or request).
    private const int TcpRoundTrips = 1;

    public static HandshakeTimings From(TlsSpec tls, RequestCostsSpec costs) =>
        new(tls.Version, costs.TlsFullHandshake, costs.TlsResumedHandshake);

    /// <summary>Whether connections use TLS at all.</summary>
    public bool Tls => Version != TlsVersion.None;

    /// <summary>Round trips before the first request byte: TCP, then TLS (MODEL_FACTS §8, RFC 8446 / RFC 5246).</summary>
    public int RoundTrips(bool resumed) => TcpRoundTrips + TlsRoundTrips(resumed);

    /// <summary>
    /// MODEL_FACTS §8: TLS 1.3 full 1 RTT and resumed (PSK, no early data) 1 RTT; TLS 1.2 full 2 RTT,
    /// resumed (session ID) 1 RTT. 0-RTT early data is not modelled: ingress-nginx leaves it off.
    /// </summary>
    public int TlsRoundTrips(bool resumed) => Version switch
    {
        TlsVersion.None => 0,
        TlsVersion.Tls13 => 1,
        TlsVersion.Tls12 => resumed ? 1 : 2,
        _ => throw new ArgumentOutOfRangeException(nameof(Version), Version, "unknown TLS version"),
    };

    /// <summary>Server CPU for the handshake (RequestCostsSpec; MODEL_FACTS §8: sign + key exchange full, key exchange resumed); zero without TLS.</summary>
    public Duration ServerCpu(bool resumed) =>
        !Tls ? Duration.Zero : resumed ? ResumedHandshakeCpu : FullHandshakeCpu;
}

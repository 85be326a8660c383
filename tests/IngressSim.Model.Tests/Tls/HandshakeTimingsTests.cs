using IngressSim.Engine.Time;
using IngressSim.Model.Tls;
using IngressSim.Scenarios.Cluster;
using IngressSim.Scenarios.Traffic;

namespace IngressSim.Model.Tests.Tls;

public class HandshakeTimingsTests
{
    private static HandshakeTimings For(TlsVersion version) => HandshakeTimings.From(new TlsSpec { Version = version }, new RequestCostsSpec());

    [Theory]
    [InlineData(TlsVersion.None, false, 1)]
    [InlineData(TlsVersion.None, true, 1)]
    [InlineData(TlsVersion.Tls13, false, 2)]
    [InlineData(TlsVersion.Tls13, true, 2)]
    [InlineData(TlsVersion.Tls12, false, 3)]
    [InlineData(TlsVersion.Tls12, true, 2)]
    public void RoundTrips_TcpPlusTlsPerMODEL_FACTS8(TlsVersion version, bool resumed, int expected) =>
        Assert.Equal(expected, For(version).RoundTrips(resumed));

    [Fact]
    public void RoundTrips_Tls12FullCostsOneRttMoreThanTls13()
    {
        // The check: at 20 ms RTT a new TLS 1.2 connection waits 20 ms longer than a TLS 1.3 one.
        var rtt = Duration.FromMilliseconds(20);
        Assert.Equal(Duration.FromMilliseconds(20), rtt * For(TlsVersion.Tls12).RoundTrips(false) - rtt * For(TlsVersion.Tls13).RoundTrips(false));
    }

    [Fact]
    public void ServerCpu_FromRequestCosts_ZeroWithoutTls()
    {
        Assert.Equal(Duration.FromMicroseconds(56), For(TlsVersion.Tls13).ServerCpu(resumed: false));
        Assert.Equal(Duration.FromMicroseconds(34), For(TlsVersion.Tls12).ServerCpu(resumed: true));
        Assert.Equal(Duration.Zero, For(TlsVersion.None).ServerCpu(resumed: false));
        Assert.False(For(TlsVersion.None).Tls);
    }
}

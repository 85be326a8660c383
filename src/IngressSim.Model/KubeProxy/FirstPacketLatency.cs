using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;
using IngressSim.Scenarios.Cluster;
using MathNet.Numerics.Distributions;

namespace IngressSim.Model.KubeProxy;

/// <summary>
/// Latency kube-proxy's rules add to the first packet of a connection, as a log-normal fitted to the
/// published p50 and p99 (MODEL_FACTS §4, kubernetes.io blog 2025-02-28). iptables grows with the
/// number of Services: between the published sizes each quantile is interpolated log-log (a power
/// law); below 5k the 5k→10k slope continues down to the nftables figures, which no rule set beats;
/// above 30k both grow in proportion to the Service count (the KUBE-SERVICES chain is a linear scan).
/// nftables and IPVS are flat.
/// </summary>
public sealed class FirstPacketLatency
{
    // z of the 99th percentile of the standard normal.
    private const double Z99 = 2.3263478740408408;

    /// <summary>MODEL_FACTS §4: iptables at 5k / 10k / 30k Services.</summary>
    private static readonly double[] IptablesServices = [5_000, 10_000, 30_000];
    private static readonly double[] IptablesP50Ms = [0.049, 0.061, 0.274];
    private static readonly double[] IptablesP99Ms = [0.156, 0.262, 0.716];

    /// <summary>MODEL_FACTS §4: nftables p50 0.014 ms, p99 0.037 ms at any size; IPVS about equal.</summary>
    private const double FlatP50Ms = 0.014, FlatP99Ms = 0.037;

    private readonly double _mu, _sigma;

    private FirstPacketLatency(double p50Ms, double p99Ms)
    {
        P50 = Duration.FromSecondsRounded(p50Ms / 1000);
        P99 = Duration.FromSecondsRounded(p99Ms / 1000);
        _mu = Math.Log(p50Ms / 1000);
        _sigma = (Math.Log(p99Ms) - Math.Log(p50Ms)) / Z99;
    }

    public static FirstPacketLatency For(KubeProxyMode mode, int serviceCount)
    {
        if (mode != KubeProxyMode.Iptables) return new(FlatP50Ms, FlatP99Ms);
        return new(Iptables(IptablesP50Ms, serviceCount, FlatP50Ms), Iptables(IptablesP99Ms, serviceCount, FlatP99Ms));
    }

    public Duration P50 { get; }
    public Duration P99 { get; }

    public Duration Sample(RandomStream random) => Duration.FromSecondsRounded(LogNormal.Sample(random, _mu, _sigma));

    private static double Iptables(double[] quantileMs, int serviceCount, double floorMs)
    {
        double n = Math.Max(1, serviceCount);
        int last = IptablesServices.Length - 1;
        if (n >= IptablesServices[last]) return quantileMs[last] * n / IptablesServices[last];
        int i = n < IptablesServices[1] ? 0 : 1;
        double slope = Math.Log(quantileMs[i + 1] / quantileMs[i]) / Math.Log(IptablesServices[i + 1] / IptablesServices[i]);
        return Math.Max(floorMs, quantileMs[i] * Math.Pow(n / IptablesServices[i], slope));
    }
}

using IngressSim.Engine.Time;
using IngressSim.Scenarios.Binding;

namespace IngressSim.Scenarios.Cluster;

public enum KubeProxyMode { Iptables, Ipvs, Nftables }

/// <summary>IPVS schedulers (MODEL_FACTS §4: rr default, lc, dh, sh, sed, nq).</summary>
public enum IpvsScheduler { Rr, Lc, Dh, Sh, Sed, Nq }

/// <summary>kube-proxy on every node: how it picks an endpoint and how stale its rules get.</summary>
public sealed record KubeProxySpec
{
    public KubeProxyMode Mode { get; init; } = KubeProxyMode.Iptables;

    /// <summary>Only for mode ipvs. MODEL_FACTS §4: rr.</summary>
    public IpvsScheduler IpvsScheduler { get; init; } = IpvsScheduler.Rr;

    /// <summary>MODEL_FACTS §4: syncPeriod 30 s.</summary>
    [Limits("1ms", "1d")] public Duration SyncPeriod { get; init; } = Duration.FromSeconds(30);

    /// <summary>MODEL_FACTS §4: minSyncPeriod 1 s.</summary>
    [Limits("0s", "1h")] public Duration MinSyncPeriod { get; init; } = Duration.FromSeconds(1);
}

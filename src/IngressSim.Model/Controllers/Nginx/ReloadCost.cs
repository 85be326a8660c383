using IngressSim.Engine.Time;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Controllers.Nginx;

/// <summary>
/// How long one nginx reload takes on a replica, the replica's CPU busy with it meanwhile: base + perItem ×
/// config items (MODEL_FACTS §1: 0.13–0.25 s on small configs, ~12 s at 100k hosts; a linear model between).
/// </summary>
public sealed class ReloadCost
{
    private readonly ReloadCostSpec _spec;

    public ReloadCost(ReloadCostSpec spec)
    {
        if (spec.Base.IsNegative || spec.PerItem.IsNegative)
            throw new ArgumentOutOfRangeException(nameof(spec), spec, "reload costs cannot be negative");
        _spec = spec;
    }

    public Duration For(NginxConfigSize size)
    {
        if (size.Ingresses < 0 || size.Paths < 0 || size.Upstreams < 0)
            throw new ArgumentOutOfRangeException(nameof(size), size, "config item counts cannot be negative");
        return _spec.Base + _spec.PerItem * size.Items;
    }
}

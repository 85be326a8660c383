using IngressSim.Engine.Time;

namespace IngressSim.Model.Controllers.Envoy;

/// <summary>
/// The xDS resource types a configuration change touches, declared in the order a control plane sends them:
/// CDS → EDS → LDS → RDS, make-before-break (MODEL_FACTS §3, envoyproxy.io xds_protocol "eventual
/// consistency considerations").
/// </summary>
public enum XdsResourceType
{
    /// <summary>CDS: one cluster per Service port a route points at.</summary>
    Cluster,
    /// <summary>EDS: one load assignment per cluster (its endpoints).</summary>
    Endpoint,
    /// <summary>LDS: listeners and their filter chains (e.g. one per TLS host).</summary>
    Listener,
    /// <summary>RDS: route configurations (virtual hosts and routes).</summary>
    Route,
}

/// <summary>
/// How many resources each xDS response of one update carries (0 = that type is not sent), and whether the
/// listener change replaces filter chains that hold connections (<see cref="ContourChange.ReplacesFilterChain"/>).
/// </summary>
public readonly record struct XdsChangeSet(int Clusters, int Endpoints, int Listeners, int Routes, bool DrainsListener = false)
{
    public int this[XdsResourceType type] => type switch
    {
        XdsResourceType.Cluster => Clusters,
        XdsResourceType.Endpoint => Endpoints,
        XdsResourceType.Listener => Listeners,
        XdsResourceType.Route => Routes,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown xDS type"),
    };
}

/// <summary>
/// One xDS response applied by Envoy: <paramref name="Type"/> with <paramref name="Resources"/> resources,
/// from <paramref name="Start"/> to <paramref name="Applied"/>. An LDS update that replaces filter chains drains
/// their connections until <paramref name="ListenerDrainEnds"/>, when what remains is cut; other types never
/// drain or reset connections.
/// </summary>
public readonly record struct XdsStep(XdsResourceType Type, int Resources, Instant Start,
    Instant Applied, Instant? ListenerDrainEnds);

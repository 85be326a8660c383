using IngressSim.Engine.Time;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Controllers.Envoy;

/// <summary>
/// How Envoy takes a configuration change: no process reload and no connection reset; the control plane
/// sends the touched xDS types in order CDS → EDS → LDS → RDS, each applied after the previous one, and
/// workers pick the new config up thread-locally (MODEL_FACTS §3). Each response costs
/// <c>UpdateBase + UpdatePerResource × resources</c>, resources being what the response carries: Contour
/// speaks state-of-the-world gRPC (CTR internal/xds/v3/contour.go), so a CDS, LDS or RDS response carries
/// every resource of its type, not just the changed ones, while EDS streams per cluster (MODEL_FACTS §10:
/// an update of a few resources 1–10 ms; §3: ~1 s per update at 4000 Ingresses). An LDS change that
/// replaces filter chains drains their connections for <c>--drain-time-s</c> (600 s) and cuts what remains
/// then (Contour #499); RDS and EDS changes do not drain.
/// </summary>
public sealed class XdsUpdate
{
    private static readonly XdsResourceType[] Order =
        [XdsResourceType.Cluster, XdsResourceType.Endpoint, XdsResourceType.Listener, XdsResourceType.Route];

    private readonly EnvoySpec _spec;

    public XdsUpdate(EnvoySpec spec)
    {
        if (spec.UpdateBase.IsNegative || spec.UpdatePerResource.IsNegative || spec.DrainTime.IsNegative)
            throw new ArgumentOutOfRangeException(nameof(spec), spec, "xDS costs and drain time cannot be negative");
        _spec = spec;
    }

    /// <summary>Cost of applying one xDS response that carries <paramref name="resources"/> resources.</summary>
    public Duration Cost(int resources)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(resources);
        return _spec.UpdateBase + _spec.UpdatePerResource * resources;
    }

    /// <summary>The responses for <paramref name="changes"/> starting at <paramref name="now"/>; types with no resources are not sent.</summary>
    public IReadOnlyList<XdsStep> Sequence(XdsChangeSet changes, Instant now)
    {
        var steps = new List<XdsStep>(Order.Length);
        var start = now;
        foreach (var type in Order)
        {
            int resources = changes[type];
            if (resources == 0) continue;
            var applied = start + Cost(resources);
            Instant? drainEnds = type == XdsResourceType.Listener && changes.DrainsListener ? applied + _spec.DrainTime : null;
            steps.Add(new XdsStep(type, resources, start, applied, drainEnds));
            start = applied;
        }
        return steps;
    }
}

using IngressSim.Kubernetes;
using IngressSim.Kubernetes.Core;

namespace IngressSim.Routing;

/// <summary>
/// The Services of a configuration by namespace/name, and the one <see cref="BackendTarget"/> instance per
/// Service port, so compiled routes share targets and results compare by reference cheaply.
/// </summary>
internal sealed class ServiceCatalog
{
    private readonly Dictionary<(string Namespace, string Name), Service> _services = [];
    private readonly Dictionary<(string, string, int?, string?), BackendTarget> _targets = [];

    public ServiceCatalog(IEnumerable<KubernetesObject> objects)
    {
        foreach (var service in objects.OfType<Service>())
            _services.TryAdd((service.Metadata.Namespace, service.Metadata.Name), service);
    }

    /// <summary>
    /// The target for a Service port given by number or name, and whether the Service exists and exposes
    /// that port. A port name is resolved to the Service port's number.
    /// </summary>
    public (BackendTarget Target, bool Exists) Resolve(string ns, string service, int? portNumber, string? portName)
    {
        ServicePort? port = null;
        if (_services.TryGetValue((ns, service), out var svc))
            port = portNumber is int n ? svc.PortByNumber(n) : portName is not null ? svc.PortByName(portName) : null;
        int? number = port?.Port ?? portNumber;
        string? name = port?.Name ?? portName;
        var key = (ns, service, number, name);
        if (!_targets.TryGetValue(key, out var target))
            _targets[key] = target = new BackendTarget(ns, service, number, name);
        return (target, port is not null);
    }
}

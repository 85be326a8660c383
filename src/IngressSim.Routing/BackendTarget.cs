using System.Globalization;

namespace IngressSim.Routing;

/// <summary>
/// A Service port a request is proxied to. <see cref="Port"/> is the Service port number, resolved from
/// the Service when the route names the port; null only when it names a port the Service does not have.
/// </summary>
public sealed record BackendTarget(string Namespace, string Service, int? Port, string? PortName)
{
    public override string ToString() =>
        $"{Namespace}/{Service}:{(Port is int p ? p.ToString(CultureInfo.InvariantCulture) : PortName)}";
}

namespace IngressSim.Model.Controllers.Nginx;

/// <summary>
/// The size of one controller's nginx configuration, in the items a reload must parse and build.
/// </summary>
/// <param name="Ingresses">Ingress objects of the controller's class (each contributes its server block settings).</param>
/// <param name="Paths">HTTP paths over all their rules and hosts (each becomes an nginx <c>location</c>).</param>
/// <param name="Upstreams">Distinct backends, i.e. Service and port pairs referenced by those paths (one upstream each).</param>
public readonly record struct NginxConfigSize(int Ingresses, int Paths, int Upstreams)
{
    public long Items => (long)Ingresses + Paths + Upstreams;
}

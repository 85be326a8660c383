using IngressSim.Kubernetes;
using IngressSim.Kubernetes.Gateway;
using IngressSim.Kubernetes.Networking;

namespace IngressSim.Routing;

/// <summary>Whose view of the configuration is compiled: one Ingress controller, or one Gateway.</summary>
public abstract record ControllerSelection
{
    /// <summary>
    /// The natural choice for a bare set of manifests (the <c>route</c> command, the conformance cases):
    /// the first Gateway (by namespace/name) when there are Gateways but no Ingresses, else ingress-nginx.
    /// When the manifests define no IngressClass at all, the cluster is taken to have that one controller
    /// serving class-less Ingresses too (<c>--watch-ingress-without-class</c>, as the
    /// ingress-controller-conformance suite deploys its controllers).
    /// </summary>
    public static ControllerSelection ForManifests(IEnumerable<KubernetesObject> objects)
    {
        var list = objects as IReadOnlyCollection<KubernetesObject> ?? objects.ToList();
        var gateway = list.OfType<Gateway>().OrderBy(g => g.Metadata.Namespace, StringComparer.Ordinal).ThenBy(g => g.Metadata.Name, StringComparer.Ordinal).FirstOrDefault();
        if (gateway is not null && !list.OfType<Ingress>().Any())
            return new GatewaySelection(gateway.Metadata.Name, gateway.Metadata.Namespace);
        return IngressControllerSelection.IngressNginx with { WatchIngressWithoutClass = !list.OfType<IngressClass>().Any() };
    }
}

/// <summary>
/// An Ingress controller by its IngressClass <c>spec.controller</c> and its flags (ingress-nginx:
/// <c>--controller-class</c>, <c>--ingress-class</c>, <c>--watch-ingress-without-class</c>).
/// </summary>
/// <param name="ClassName">
/// The class the controller's own install creates (ingress-nginx Helm chart: "nginx"). App manifests
/// rarely include that cluster-scoped IngressClass, so an Ingress naming this class is served even when
/// the manifests do not define it; it is also the value the legacy <c>kubernetes.io/ingress.class</c>
/// annotation must have.
/// </param>
public sealed record IngressControllerSelection(string ControllerName, string ClassName, bool WatchIngressWithoutClass) : ControllerSelection
{
    /// <summary>ingress-nginx defaults (ING pkg/flags/flags.go).</summary>
    public static readonly IngressControllerSelection IngressNginx = new("k8s.io/ingress-nginx", "nginx", WatchIngressWithoutClass: false);
}

/// <summary>A Gateway by namespace and name: its listeners and the HTTPRoutes attached to them.</summary>
public sealed record GatewaySelection(string Name, string Namespace = "default") : ControllerSelection;

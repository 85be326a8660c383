using IngressSim.Kubernetes;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Manifests;
using IngressSim.Kubernetes.Meta;
using IngressSim.Kubernetes.Networking;

namespace IngressSim.Scenarios.Cluster;

/// <summary>
/// The IngressClass a controller's installation creates (the Helm charts do), generated for each
/// scenario controller whose class no manifest defines — so the router sees every class it serves.
/// </summary>
public static class ControllerClasses
{
    /// <summary>spec.controller values: ingress-nginx's and Contour's documented controller names.</summary>
    public static string ControllerName(ControllerKind kind) => kind switch
    {
        ControllerKind.Envoy => "projectcontour.io/contour",
        _ => "k8s.io/ingress-nginx",
    };

    private static IngressClass For(ControllerSpec controller, SourceLocation at) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "IngressClass",
        Metadata = new ObjectMeta
        {
            Name = controller.ClassName,
            Namespace = "",
            Annotations = controller.DefaultClass
                ? new Dictionary<string, string> { [IngressClass.IsDefaultClassAnnotation] = "true" }
                : new Dictionary<string, string>(),
        },
        Spec = new IngressClassSpec { Controller = ControllerName(controller.Kind) },
        Source = new ObjectSource(at, new Dictionary<string, SourceLocation>(StringComparer.Ordinal)),
    };

    /// <summary>Classes for the controllers whose class is not among <paramref name="existing"/>.</summary>
    public static IEnumerable<KubernetesObject> Missing(IReadOnlyList<ControllerSpec> controllers, IEnumerable<KubernetesObject> existing,
        Func<int, SourceLocation> locate)
    {
        var defined = existing.OfType<IngressClass>().Select(c => c.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < controllers.Count; i++)
            if (defined.Add(controllers[i].ClassName))
                yield return For(controllers[i], locate(i));
    }
}

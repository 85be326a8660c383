using IngressSim.Kubernetes;
using IngressSim.Kubernetes.Networking;

namespace IngressSim.Routing.IngressNginx;

/// <summary>
/// Which Ingresses a controller serves (ING internal/ingress/controller/store/store.go GetIngressClass,
/// WEB ingress.md "Default IngressClass").
/// </summary>
internal static class IngressClassFilter
{
    /// <summary>The served Ingresses, oldest first: creationTimestamp, then namespace/name (ING sortIngressSlice).</summary>
    public static List<Ingress> Served(IReadOnlyList<KubernetesObject> objects, IngressControllerSelection controller)
    {
        var classes = new Dictionary<string, IngressClass>(StringComparer.Ordinal);
        var defaults = new List<IngressClass>();
        foreach (var ingressClass in objects.OfType<IngressClass>())
        {
            classes.TryAdd(ingressClass.Metadata.Name, ingressClass);
            if (ingressClass.IsDefault) defaults.Add(ingressClass);
        }
        return objects.OfType<Ingress>()
            .Where(ingress => IsServed(ingress, classes, defaults, controller))
            .OrderBy(i => i.Metadata.CreationTimestamp ?? DateTimeOffset.MaxValue)
            .ThenBy(i => i.Metadata.Namespace, StringComparer.Ordinal)
            .ThenBy(i => i.Metadata.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <remarks>
    /// A manifest without creationTimestamp sorts as newest: it is created when applied. Objects applied
    /// together get the same (one-second) timestamp, so namespace/name decides among them, as in a cluster.
    /// </remarks>
    private static bool IsServed(Ingress ingress, Dictionary<string, IngressClass> classes, List<IngressClass> defaults, IngressControllerSelection controller)
    {
        string? className = ingress.Spec.IngressClassName;
        if (className is null)
        {
            if (ingress.Metadata.Annotation(Ingress.LegacyClassAnnotation) is { } legacy)
                return legacy == controller.ClassName;
            // The DefaultIngressClass admission plugin fills in the default class at creation; with two
            // defaults it rejects the Ingress, so it never exists.
            if (defaults.Count > 1) return false;
            if (defaults.Count == 0) return controller.WatchIngressWithoutClass;
            className = defaults[0].Metadata.Name;
        }
        return classes.TryGetValue(className, out var ingressClass)
            ? ingressClass.Spec.Controller == controller.ControllerName
            : className == controller.ClassName;
    }
}

using IngressSim.Kubernetes;
using IngressSim.Kubernetes.Apps;
using IngressSim.Kubernetes.Core;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Manifests;
using IngressSim.Kubernetes.Networking;
using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Timeline;
using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Loading;

/// <summary>
/// Timeline actions name Kubernetes objects (a Service to deploy or crash, a Deployment to scale, an
/// Ingress to edit or whose certificate to renew): once the manifests are read, each name must be one of
/// them — "name" in any namespace for Services and Deployments, "namespace/name" or "name" in
/// <c>default</c> for Ingresses, as the timeline resolves them — and a renewed certificate needs a
/// <c>tls:</c> section. Otherwise an error at the name, with the closest existing one as a hint.
/// </summary>
public static class TimelineReferences
{
    public static void Check(IReadOnlyList<TimelineEventSpec> timeline, ManifestSet manifests, SourceNode root, DiagnosticBag diagnostics)
    {
        var services = manifests.OfKind<Service>().ToList();
        var deployments = manifests.OfKind<Deployment>().ToList();
        var ingresses = manifests.OfKind<Ingress>().ToList();
        for (int i = 0; i < timeline.Count; i++)
        {
            var e = timeline[i];
            var (field, name, problem) = e switch
            {
                { Deploy: { } d } => ("deploy.service", d.Service, Missing("Service", d.Service, services, AnyNamespace)),
                { CrashPod: { } c } => ("crashPod.service", c.Service, Missing("Service", c.Service, services, AnyNamespace)),
                { Scale: { } s } => ("scale.deployment", s.Deployment, Missing("Deployment", s.Deployment, deployments, AnyNamespace)),
                { TouchIngress: { } t } => ("touchIngress.ingress", t.Ingress, Missing("Ingress", t.Ingress, ingresses, DefaultNamespace)),
                { RenewCertificate: { } r } => ("renewCertificate.ingress", r.Ingress, Missing("Ingress", r.Ingress, ingresses, DefaultNamespace) ?? WithoutTls(r.Ingress, ingresses)),
                _ => (null, null, null),
            };
            if (problem is not { } p || field is null) continue;
            var at = root.ItemAt("spec.timeline", i).At(field) ?? root.ItemAt("spec.timeline", i);
            diagnostics.Error(ScenarioCodes.Inconsistent, $"timeline[{i}] {field} '{name}': {p.Message}", at.Location, p.Hint);
        }
    }

    /// <summary>Whether a Service or Deployment reference ("namespace/name", or "name" in any namespace) names this object.</summary>
    public static bool Names(string reference, string @namespace, string name) =>
        reference.Contains('/') ? reference == $"{@namespace}/{name}" : reference == name;

    /// <summary>The "namespace/name" key an Ingress reference stands for ("name" alone is in <c>default</c>).</summary>
    public static string IngressKey(string reference) => reference.Contains('/') ? reference : $"default/{reference}";

    private static bool AnyNamespace(KubernetesObject o, string reference) => Names(reference, o.Metadata.Namespace, o.Metadata.Name);

    private static bool DefaultNamespace(KubernetesObject o, string reference) => IngressKey(reference) == $"{o.Metadata.Namespace}/{o.Metadata.Name}";

    private static (string Message, string Hint)? Missing<T>(string kind, string reference, List<T> objects, Func<KubernetesObject, string, bool> matches)
        where T : KubernetesObject
    {
        if (objects.Any(o => matches(o, reference))) return null;
        var names = objects.Select(o => reference.Contains('/') ? $"{o.Metadata.Namespace}/{o.Metadata.Name}" : o.Metadata.Name).Distinct().ToList();
        return ($"no {kind} of that name in the manifests",
            names.Count == 0 ? $"the manifests define no {kind}: add one, or remove this action" : Suggestions.Hint(reference, names));
    }

    private static (string Message, string Hint)? WithoutTls(string reference, List<Ingress> ingresses) =>
        ingresses.First(i => DefaultNamespace(i, reference)).Spec.Tls.Count > 0
            ? null
            : ("the Ingress has no tls: section, so there is no certificate to renew", "add spec.tls with a secretName for its host");
}

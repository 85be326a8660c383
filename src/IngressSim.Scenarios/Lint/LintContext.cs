using IngressSim.Kubernetes;
using IngressSim.Kubernetes.Apps;
using IngressSim.Kubernetes.Core;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Manifests;
using IngressSim.Kubernetes.Networking;
using IngressSim.Scenarios.Cluster;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Lint;

/// <summary>
/// What lint rules look at: the objects, indexed, and the controllers that serve them — the
/// scenario's, or for a plain manifest file one controller per IngressClass found.
/// </summary>
public sealed class LintContext
{
    /// <summary>ingress-nginx's annotation prefix (ING docs/user-guide/nginx-configuration/annotations.md).</summary>
    public const string NginxAnnotationPrefix = "nginx.ingress.kubernetes.io/";

    private readonly Dictionary<string, Service> _services;

    public LintContext(ManifestSet manifests, LoadedScenario? scenario = null)
    {
        Manifests = manifests;
        Scenario = scenario;
        _services = manifests.OfKind<Service>().GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        Controllers = scenario?.Spec.Cluster.Controllers
            ?? manifests.OfKind<IngressClass>().Select(c => new ControllerSpec
            {
                Name = c.Metadata.Name, Replicas = 1, DefaultClass = c.IsDefault, AntiAffinity = true,
                Kind = c.Spec.Controller.Contains("contour", StringComparison.OrdinalIgnoreCase) ? ControllerKind.Envoy : ControllerKind.Nginx,
            }).ToList();
    }

    public ManifestSet Manifests { get; }
    public LoadedScenario? Scenario { get; }
    public IReadOnlyList<ControllerSpec> Controllers { get; }

    public IEnumerable<Ingress> Ingresses => Manifests.OfKind<Ingress>();

    public IReadOnlyList<IngressClass> Classes => Manifests.OfKind<IngressClass>().ToList();

    public Service? ServiceAt(string @namespace, string name) => _services.GetValueOrDefault($"{@namespace}/{name}");

    /// <summary>The class an Ingress asks for: ingressClassName, else the legacy annotation, else null.</summary>
    public static string? RequestedClass(Ingress ingress) =>
        ingress.Spec.IngressClassName ?? ingress.Metadata.Annotation(Ingress.LegacyClassAnnotation);

    /// <summary>The class that serves an Ingress: the one it names, else the single default class.</summary>
    public string? EffectiveClass(Ingress ingress)
    {
        if (RequestedClass(ingress) is { } requested) return requested;
        var defaults = Classes.Where(c => c.IsDefault).ToList();
        return defaults.Count == 1 ? defaults[0].Metadata.Name : null;
    }

    public ControllerSpec? ControllerFor(Ingress ingress) =>
        EffectiveClass(ingress) is { } name ? Controllers.FirstOrDefault(c => c.ClassName == name) : Controllers.Count == 1 ? Controllers[0] : null;

    /// <summary>Pods' labels of the Deployments a Service selects (the simulator's pods come from Deployments).</summary>
    public IEnumerable<IReadOnlyDictionary<string, string>> PodLabelsOf(Service service) =>
        Manifests.OfKind<Deployment>()
            .Where(d => d.Metadata.Namespace == service.Metadata.Namespace && service.Spec.Selector.Count > 0
                        && service.Spec.Selector.All(s => d.Spec.Template.Metadata.Labels.TryGetValue(s.Key, out var v) && v == s.Value))
            .Select(d => d.Spec.Template.Metadata.Labels);

    /// <summary>Where controller <paramref name="index"/> of the scenario is written (or the file when there is no scenario).</summary>
    public SourceLocation LocateController(int index, string? field = null)
    {
        if (Scenario is null) return Classes.FirstOrDefault(c => c.Metadata.Name == Controllers[index].Name)?.Source.Start ?? default;
        var item = Scenario.Tree.ItemAt("spec.cluster.controllers", index);
        return (field is null ? item : item.At(field) ?? item).Location;
    }

    /// <summary>Every host the scenario's traffic sends to, with its source and the source's index (fleet sources: each fleet host).</summary>
    public IEnumerable<(Traffic.TrafficSourceSpec Source, int Index, string Host)> TrafficHosts()
    {
        if (Scenario is null) yield break;
        var sources = Scenario.Spec.Traffic.Sources;
        for (int i = 0; i < sources.Count; i++)
        {
            if (sources[i].Host is { } host) yield return (sources[i], i, host);
            else if (Scenario.Spec.Cluster.Fleets.FirstOrDefault(f => f.Name == sources[i].Fleet) is { } fleet)
                for (int n = 1; n <= fleet.Count; n++) yield return (sources[i], i, fleet.HostOf(n));
        }
    }

    /// <summary>Ingresses with a rule for <paramref name="host"/> (exact, case-insensitive, or a <c>*.</c> wildcard of one label).</summary>
    public IEnumerable<Ingress> IngressesForHost(string host) =>
        Ingresses.Where(i => i.Spec.Rules.Any(r => HostMatches(r.Host, host)));

    public static bool HostMatches(string? pattern, string host) =>
        pattern is null ? false : pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.IndexOf('.') is var dot and > 0 && string.Equals(host[(dot + 1)..], pattern[2..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(pattern, host, StringComparison.OrdinalIgnoreCase);

    /// <summary>Each backend an Ingress names, with the field path of its service reference.</summary>
    public static IEnumerable<(IngressServiceBackend Backend, string Path)> Backends(Ingress ingress)
    {
        if (ingress.Spec.DefaultBackend?.Service is { } fallback) yield return (fallback, "spec.defaultBackend.service");
        for (int r = 0; r < ingress.Spec.Rules.Count; r++)
            for (int p = 0; p < (ingress.Spec.Rules[r].Http?.Paths.Count ?? 0); p++)
                if (ingress.Spec.Rules[r].Http!.Paths[p].Backend?.Service is { } service)
                    yield return (service, $"spec.rules[{r}].http.paths[{p}].backend.service");
    }
}

using IngressSim.Engine.Randomness;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Manifests;

namespace IngressSim.Routing.Tests.Routing;

/// <summary>Small manifest snippets for tests, read through <see cref="ManifestReader"/> like real input.</summary>
internal static class Manifests
{
    public static string Ingress(string name, string? host, string path, string pathType, string service,
        string? className = "nginx", string? created = null, IReadOnlyDictionary<string, string>? annotations = null, string port = "number: 80")
    {
        string annotationBlock = annotations is null ? "" : "\n  annotations:\n" + string.Concat(annotations.Select(a => $"    {a.Key}: \"{a.Value}\"\n")).TrimEnd('\n');
        string createdLine = created is null ? "" : $"\n  creationTimestamp: \"{created}\"";
        string classLine = className is null ? "" : $"\n  ingressClassName: {className}";
        string ruleHead = host is null ? "http:" : $"host: \"{host}\"\n    http:";
        return $$"""
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: {{name}}{{createdLine}}{{annotationBlock}}
            spec:{{classLine}}
              rules:
              - {{ruleHead}}
                  paths:
                  - path: {{path}}
                    pathType: {{pathType}}
                    backend:
                      service:
                        name: {{service}}
                        port: {{{port}}}
            """;
    }

    public static string Service(string name, int port = 80, string portName = "http") => $$"""
        apiVersion: v1
        kind: Service
        metadata: {name: {{name}}}
        spec:
          ports: [{name: {{portName}}, port: {{port}}}]
        """;

    public static string IngressClass(string name, string controller, bool isDefault = false) => $$"""
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata:
          name: {{name}}
          annotations: {ingressclass.kubernetes.io/is-default-class: "{{(isDefault ? "true" : "false")}}"}
        spec: {controller: {{controller}}}
        """;

    public static ManifestSet Read(params string[] documents)
    {
        var set = ManifestReader.ReadText(string.Join("\n---\n", documents), "test.yaml");
        Assert.False(set.HasErrors, string.Join("\n", set.Diagnostics));
        return set;
    }

    public static Router Compile(ControllerSelection? controller, params string[] documents)
    {
        var set = Read(documents);
        return Router.Compile(set.Objects, controller ?? ControllerSelection.ForManifests(set.Objects));
    }

    public static Router Compile(ControllerSelection controller, DiagnosticBag diagnostics, params string[] documents)
    {
        var set = Read(documents);
        return Router.Compile(set.Objects, controller, diagnostics);
    }

    public static RandomStream Random(string key = "test") => new(7, key);

    public static RouteResult Route(this Router router, string host, string target, params (string Name, string Value)[] headers) =>
        router.Route(new RouteRequest { Host = host, Target = target, Headers = headers.Select(h => new HttpField(h.Name, h.Value)).ToArray() }, Random());
}

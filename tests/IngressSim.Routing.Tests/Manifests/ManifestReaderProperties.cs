using FsCheck;
using FsCheck.Xunit;
using IngressSim.Kubernetes.Manifests;

namespace IngressSim.Routing.Tests.Manifests;

/// <summary>
/// The reader's contract under fire: a valid manifest of every modelled kind, garbled the way editors
/// and people do (lines deleted or duplicated, nulls, brackets, colons, stray characters), is read into
/// objects and diagnostics — never an exception.
/// </summary>
public class ManifestReaderProperties
{
    private const string Valid = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          annotations: {nginx.ingress.kubernetes.io/canary: "true"}
          creationTimestamp: "2024-01-01T00:00:01Z"
        spec:
          ingressClassName: nginx
          defaultBackend: {service: {name: cart, port: {number: 80}}}
          tls:
          - hosts: [shop.example.com]
            secretName: shop-tls
          rules:
          - host: shop.example.com
            http:
              paths:
              - path: /cart
                pathType: Prefix
                backend:
                  service:
                    name: cart
                    port: {name: http}
        ---
        apiVersion: v1
        kind: List
        items:
        - apiVersion: v1
          kind: Service
          metadata: {name: cart, namespace: shop, labels: &l {app: cart}}
          spec:
            selector: *l
            ports:
            - {name: http, port: 80, targetPort: web}
        - apiVersion: networking.k8s.io/v1
          kind: IngressClass
          metadata: {name: nginx}
          spec: {controller: k8s.io/ingress-nginx}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: cart}
        spec:
          replicas: 3
          selector: {matchLabels: {app: cart}, matchExpressions: [{key: tier, operator: In, values: [web]}]}
          strategy: {rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}
          template:
            metadata: {labels: {app: cart}}
            spec:
              terminationGracePeriodSeconds: 45
              affinity: {podAntiAffinity: {requiredDuringSchedulingIgnoredDuringExecution: [{topologyKey: zone}]}}
              containers:
              - name: cart
                resources: {requests: {cpu: 250m}, limits: {cpu: "1"}}
                readinessProbe: {periodSeconds: 5, failureThreshold: 2}
        ---
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata: {name: cart}
        spec:
          scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: cart}
          minReplicas: 2
          maxReplicas: 10
          metrics:
          - type: Resource
            resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
          behavior:
            scaleDown:
              stabilizationWindowSeconds: 120
              policies: [{type: Percent, value: 50, periodSeconds: 60}]
        ---
        apiVersion: networking.k8s.io/v1
        kind: NetworkPolicy
        metadata: {name: deny}
        spec:
          podSelector: {matchLabels: {app: cart}}
          policyTypes: [Ingress]
          ingress: [{from: [{namespaceSelector: {matchLabels: {team: a}}}]}]
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: Gateway
        metadata: {name: public}
        spec:
          gatewayClassName: envoy
          listeners:
          - {name: http, hostname: "*.example.com", port: 80, protocol: HTTP, allowedRoutes: {namespaces: {from: All}}}
        ---
        apiVersion: gateway.networking.k8s.io/v1
        kind: HTTPRoute
        metadata: {name: r}
        spec:
          parentRefs: [{name: public, sectionName: http}]
          hostnames: [shop.example.com]
          rules:
          - matches: [{path: {type: PathPrefix, value: /a}, method: GET, headers: [{name: x, value: y}]}]
            backendRefs: [{name: cart, port: 80, weight: 3}]
        ---
        apiVersion: v1
        kind: Secret
        metadata: {name: shop-tls}
        type: kubernetes.io/tls
        """;

    private static readonly string[] Noise =
        ["~", "[", "]", "{", "}", ":", ": ", "- ", ",", "null", "!!null ", "&a ", "*a", "*l", "'", "\"", "#", "|", ">", "? ", "---", "\t", "  ", "%", "@", "`", "\u0000", "é", "1e999", "-1"];

    [Property(MaxTest = 500)]
    public void MutatedManifests_AreReadOrReportedNeverThrow(NonNegativeInt seed, PositiveInt mutations)
    {
        var random = new Random(seed.Get);
        var lines = Valid.Split('\n').ToList();
        for (int i = 0; i < 1 + mutations.Get % 8; i++) Mutate(lines, random);

        var set = ManifestReader.ReadText(string.Join('\n', lines), "mutated.yaml");

        Assert.All(set.Diagnostics, d => Assert.Equal("mutated.yaml", d.Location.File));
    }

    private static void Mutate(List<string> lines, Random random)
    {
        int at = random.Next(lines.Count);
        string line = lines[at];
        switch (random.Next(5))
        {
            case 0: lines.RemoveAt(at); break;
            case 1: lines.Insert(at, lines[random.Next(lines.Count)]); break;
            case 2:
                int colon = line.IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0) lines[at] = line[..(colon + 2)] + Noise[random.Next(Noise.Length)];
                break;
            case 3: lines[at] = line.Insert(random.Next(line.Length + 1), Noise[random.Next(Noise.Length)]); break;
            default: lines[at] = line.Insert(random.Next(line.Length + 1), ((char)random.Next(32, 127)).ToString()); break;
        }
        if (lines.Count == 0) lines.Add("");
    }
}

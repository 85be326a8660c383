using IngressSim.Kubernetes;
using IngressSim.Kubernetes.Apps;
using IngressSim.Kubernetes.Autoscaling;
using IngressSim.Kubernetes.Core;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Manifests;
using IngressSim.Kubernetes.Meta;
using IngressSim.Kubernetes.Networking;

namespace IngressSim.Scenarios.Cluster;

/// <summary>
/// Turns a <see cref="FleetSpec"/> into the objects a real cluster would hold for each service:
/// Deployment, Service, Ingress and (optionally) an autoscaling/v2 HPA on CPU. Generated objects
/// point at the fleet in the scenario file, so lint findings about them land there.
/// </summary>
public static class FleetExpansion
{
    /// <summary>Label that names the fleet a generated object belongs to.</summary>
    public const string FleetLabel = "ingresssim.dev/fleet";

    public static IEnumerable<KubernetesObject> Expand(FleetSpec fleet, SourceLocation at)
    {
        var source = new ObjectSource(at, new Dictionary<string, SourceLocation>(StringComparer.Ordinal));
        for (int i = 1; i <= fleet.Count; i++)
        {
            var name = fleet.ServiceNameOf(i);
            var labels = new Dictionary<string, string> { ["app"] = name, [FleetLabel] = fleet.Name };
            ObjectMeta Meta() => new() { Name = name, Namespace = fleet.Namespace, Labels = labels };
            yield return new Deployment
            {
                ApiVersion = "apps/v1", Kind = "Deployment", Metadata = Meta(), Source = source,
                Spec = new DeploymentSpec
                {
                    Replicas = fleet.Replicas,
                    Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
                    Template = new PodTemplateSpec
                    {
                        Metadata = new ObjectMeta { Name = name, Namespace = fleet.Namespace, Labels = labels },
                        Spec = new PodSpec
                        {
                            Containers = [new Container
                            {
                                Name = name,
                                Resources = new ResourceRequirements { Requests = new Dictionary<string, string> { ["cpu"] = fleet.CpuRequest.ToString() } },
                            }],
                        },
                    },
                },
            };
            yield return new Service
            {
                ApiVersion = "v1", Kind = "Service", Metadata = Meta(), Source = source,
                Spec = new ServiceSpec
                {
                    Selector = new Dictionary<string, string> { ["app"] = name },
                    Ports = [new ServicePort { Name = "http", Port = fleet.Port, TargetPort = IntOrString.FromInt(fleet.TargetPort) }],
                },
            };
            yield return new Ingress
            {
                ApiVersion = "networking.k8s.io/v1", Kind = "Ingress", Metadata = Meta(), Source = source,
                Spec = new IngressSpec
                {
                    IngressClassName = fleet.IngressClass,
                    Rules = [new IngressRule
                    {
                        Host = fleet.HostOf(i),
                        Http = new HttpIngressRuleValue
                        {
                            Paths = [new HttpIngressPath
                            {
                                Path = fleet.Path, PathType = PathType.Prefix,
                                Backend = new IngressBackend { Service = new IngressServiceBackend { Name = name, Port = new ServiceBackendPort { Number = fleet.Port } } },
                            }],
                        },
                    }],
                },
            };
            if (fleet.Hpa is { } hpa)
                yield return new HorizontalPodAutoscaler
                {
                    ApiVersion = "autoscaling/v2", Kind = "HorizontalPodAutoscaler", Metadata = Meta(), Source = source,
                    Spec = new HorizontalPodAutoscalerSpec
                    {
                        ScaleTargetRef = new CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = name },
                        MinReplicas = hpa.MinReplicas,
                        MaxReplicas = hpa.MaxReplicas,
                        Metrics = [new MetricSpec
                        {
                            Type = "Resource",
                            Resource = new ResourceMetricSource
                            {
                                Name = "cpu",
                                Target = new MetricTarget { Type = "Utilization", AverageUtilization = (int)Math.Round(hpa.TargetCpuUtilization.Percent) },
                            },
                        }],
                    },
                };
        }
    }
}

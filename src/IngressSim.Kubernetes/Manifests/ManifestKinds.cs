using IngressSim.Kubernetes.Apps;
using IngressSim.Kubernetes.Autoscaling;
using IngressSim.Kubernetes.Core;
using IngressSim.Kubernetes.Networking;

namespace IngressSim.Kubernetes.Manifests;

/// <summary>The (apiVersion, kind) pairs the simulator reads, and the C# type of each.</summary>
internal static class ManifestKinds
{
    private static readonly Dictionary<(string ApiVersion, string Kind), Type> Types = new()
    {
        [("v1", "Service")] = typeof(Service),
        [("v1", "Secret")] = typeof(Secret),
        [("apps/v1", "Deployment")] = typeof(Deployment),
        [("autoscaling/v2", "HorizontalPodAutoscaler")] = typeof(HorizontalPodAutoscaler),
        [("networking.k8s.io/v1", "Ingress")] = typeof(Ingress),
        [("networking.k8s.io/v1", "IngressClass")] = typeof(IngressClass),
        [("networking.k8s.io/v1", "NetworkPolicy")] = typeof(NetworkPolicy),
        [("gateway.networking.k8s.io/v1", "Gateway")] = typeof(Gateway.Gateway),
        [("gateway.networking.k8s.io/v1", "HTTPRoute")] = typeof(Gateway.HttpRoute),
        // v1beta1 Gateway API objects have the same schema for every field read here (GW v1.0 release notes).
        [("gateway.networking.k8s.io/v1beta1", "Gateway")] = typeof(Gateway.Gateway),
        [("gateway.networking.k8s.io/v1beta1", "HTTPRoute")] = typeof(Gateway.HttpRoute),
    };

    public static Type? Find(string apiVersion, string kind) => Types.GetValueOrDefault((apiVersion, kind));

    /// <summary>The apiVersion the simulator reads for <paramref name="kind"/>, if it reads that kind at all.</summary>
    public static string? SupportedApiVersion(string kind)
    {
        foreach (var ((apiVersion, k), _) in Types)
            if (k == kind) return apiVersion;
        return null;
    }
}

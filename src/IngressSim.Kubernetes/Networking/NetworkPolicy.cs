using IngressSim.Kubernetes.Meta;

namespace IngressSim.Kubernetes.Networking;

/// <summary>
/// networking.k8s.io/v1 NetworkPolicy, ingress side only: lint checks whether it blocks the ingress
/// controller's namespace from reaching a backend.
/// </summary>
public sealed record NetworkPolicy : KubernetesObject
{
    public NetworkPolicySpec Spec { get; init; } = new();
}

public sealed record NetworkPolicySpec
{
    public LabelSelector PodSelector { get; init; } = new();
    public IReadOnlyList<NetworkPolicyIngressRule> Ingress { get; init; } = [];

    /// <summary>
    /// Ingress and/or Egress. When omitted Kubernetes assumes Ingress (plus Egress if egress rules exist),
    /// so <see cref="AppliesToIngress"/> is true then.
    /// </summary>
    public IReadOnlyList<string> PolicyTypes { get; init; } = [];

    public bool AppliesToIngress => PolicyTypes.Count == 0 || PolicyTypes.Contains("Ingress");
}

public sealed record NetworkPolicyIngressRule
{
    /// <summary>Empty = from everywhere.</summary>
    public IReadOnlyList<NetworkPolicyPeer> From { get; init; } = [];
}

/// <summary>A peer: both selectors set = pods matching podSelector in namespaces matching namespaceSelector.</summary>
public sealed record NetworkPolicyPeer
{
    public LabelSelector? NamespaceSelector { get; init; }
    public LabelSelector? PodSelector { get; init; }
}

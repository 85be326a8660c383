using IngressSim.Kubernetes.Meta;

namespace IngressSim.Kubernetes.Networking;

/// <summary>
/// networking.k8s.io/v1 NetworkPolicy, ingress side only: whether it lets the ingress controller's
/// namespace reach a backend's pods (lint warns; the simulator drops the connections).
/// </summary>
public sealed record NetworkPolicy : KubernetesObject
{
    /// <summary>The label every namespace carries with its own name (Kubernetes ≥ 1.22).</summary>
    public const string NamespaceNameLabel = "kubernetes.io/metadata.name";

    public NetworkPolicySpec Spec { get; init; } = new();

    /// <summary>
    /// Whether pods in <paramref name="namespace"/> with <paramref name="podLabels"/> accept connections
    /// from <paramref name="fromNamespace"/>: yes unless a policy selects them and none admits it.
    /// </summary>
    public static bool AllowsFrom(IEnumerable<NetworkPolicy> policies, string @namespace, IReadOnlyDictionary<string, string> podLabels, string fromNamespace)
    {
        bool selected = false;
        foreach (var policy in policies)
        {
            if (!policy.Spec.AppliesToIngress || policy.Metadata.Namespace != @namespace || !policy.Spec.PodSelector.Matches(podLabels)) continue;
            if (policy.Admits(fromNamespace)) return true;
            selected = true;
        }
        return !selected;
    }

    /// <summary>Whether one of its ingress rules admits pods of <paramref name="fromNamespace"/>.</summary>
    public bool Admits(string fromNamespace)
    {
        var namespaceLabels = new Dictionary<string, string> { [NamespaceNameLabel] = fromNamespace };
        return Spec.Ingress.Any(rule => rule.From.Count == 0 || rule.From.Any(peer => peer.NamespaceSelector switch
        {
            // Only a pod selector: pods of the policy's own namespace.
            null => Metadata.Namespace == fromNamespace,
            // The controller pods' labels are not known here: a namespace match with a pod selector gets the benefit of the doubt.
            LabelSelector namespaces => namespaces.Matches(namespaceLabels),
        }));
    }
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

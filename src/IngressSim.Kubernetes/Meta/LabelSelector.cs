namespace IngressSim.Kubernetes.Meta;

/// <summary>A label selector (matchLabels AND matchExpressions), as Deployments, NetworkPolicies and Services use.</summary>
public sealed record LabelSelector
{
    public IReadOnlyDictionary<string, string> MatchLabels { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<LabelSelectorRequirement> MatchExpressions { get; init; } = [];

    /// <summary>
    /// True when <paramref name="labels"/> satisfy the selector. An empty selector selects everything
    /// (Kubernetes API conventions: "an empty label selector matches all objects").
    /// </summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        foreach (var (key, value) in MatchLabels)
            if (!labels.TryGetValue(key, out var actual) || actual != value) return false;
        foreach (var requirement in MatchExpressions)
            if (!requirement.Matches(labels)) return false;
        return true;
    }
}

/// <summary>One matchExpressions entry: operator In, NotIn, Exists or DoesNotExist.</summary>
public sealed record LabelSelectorRequirement
{
    public string Key { get; init; } = "";
    public string Operator { get; init; } = "";
    public IReadOnlyList<string> Values { get; init; } = [];

    public bool Matches(IReadOnlyDictionary<string, string> labels)
    {
        bool present = labels.TryGetValue(Key, out var value);
        return Operator switch
        {
            "In" => present && Values.Contains(value!),
            "NotIn" => !present || !Values.Contains(value!),
            "Exists" => present,
            "DoesNotExist" => !present,
            _ => false,
        };
    }
}

using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Variants;

/// <summary>
/// A named design alternative: a few fields of the spec changed by path, e.g.
/// <c>set: {cluster.controllers[ingress-nginx].kind: envoy, parameters.batchWindow: 5s}</c>.
/// See <see cref="VariantOverlay"/> for the path syntax.
/// </summary>
public sealed record VariantSpec
{
    public string? Description { get; init; }

    /// <summary>Path (relative to <c>spec</c>) → new value (a scalar, or a whole mapping or list; <c>null</c> removes it).</summary>
    public required IReadOnlyDictionary<string, YamlValue> Set { get; init; }
}

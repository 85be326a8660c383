using IngressSim.Model.Controllers.Sync;

namespace IngressSim.Model.Controllers.Envoy;

/// <summary>
/// The xDS types one Kubernetes change makes Contour send, and whether Envoy then drains connections.
/// <paramref name="ReplacesFilterChain"/>: the change modifies or removes an existing filter chain of the
/// HTTPS listener, so the connections on it drain (Envoy network_filter_chain docs, "filter chain only
/// update": added chains drain nothing, unchanged chains keep their connections).
/// </summary>
public readonly record struct ContourChange(bool Clusters, bool Endpoints, bool Listeners, bool Routes, bool ReplacesFilterChain)
{
    /// <summary>What one DAG rebuild covering both changes sends (Contour rebuilds the whole DAG once per batch).</summary>
    public ContourChange Union(ContourChange other) => new(Clusters || other.Clusters, Endpoints || other.Endpoints,
        Listeners || other.Listeners, Routes || other.Routes, ReplacesFilterChain || other.ReplacesFilterChain);
}

/// <summary>
/// Classifies configuration changes the way Contour turns them into xDS. Contour builds its DAG from
/// Ingresses, Services and Secrets, then each xDS cache renders its type from the DAG
/// (CTR internal/xdscache/v3/cluster.go, listener.go, route.go, secret.go); endpoints bypass the DAG
/// (endpointstranslator.go, MODEL_FACTS §3). Where a resource lives decides the type:
/// <list type="bullet">
/// <item>one cluster per Service port a route points at (cluster.go visitClusters) → CDS; Envoy then
/// fetches the new cluster's endpoints → EDS;</item>
/// <item>routes, their timeouts, rewrites, retries and weights (CTR internal/envoy/v3/route.go) → RDS;</item>
/// <item>one filter chain per HTTPS virtual host in the single HTTPS listener, holding its TLS context
/// (listener.go OnChange: FilterChainTLS per SecureVirtualHost) → LDS;</item>
/// <item>the certificate is an SDS secret named after a hash of its content (CTR internal/envoy/secret.go
/// Secretname), and the filter chain refers to it by that name (internal/envoy/v3/auth.go
/// DownstreamTLSContext): a renewed certificate is a new SDS secret <em>and</em> a changed filter chain.</item>
/// </list>
/// SDS responses are not modelled as steps: the secret rides with the listener change that needs it.
/// </summary>
public static class ContourChangeClassifier
{
    private static readonly ContourChange Nothing = default;
    private static readonly ContourChange Routes = new(false, false, false, true, false);
    private static readonly ContourChange NewCluster = new(true, true, false, true, false);
    private static readonly ContourChange AddedFilterChain = new(false, false, true, true, false);
    private static readonly ContourChange ReplacedFilterChain = new(false, false, true, false, true);

    public static ContourChange Classify(ConfigChangeKind change) => change switch
    {
        // A new Ingress or a missing Service appearing: new clusters (and their endpoints) plus the routes to
        // them. An Ingress created with a TLS section is also an IngressTlsAdded.
        ConfigChangeKind.IngressCreated or ConfigChangeKind.ServiceCreated => NewCluster,
        // Clusters go, routes change; EDS has nothing to send for a cluster that is gone.
        ConfigChangeKind.IngressDeleted or ConfigChangeKind.ServiceDeleted => new(true, false, false, true, false),
        ConfigChangeKind.IngressPathAdded or ConfigChangeKind.IngressPathRemoved
            or ConfigChangeKind.IngressAnnotationChanged => Routes,
        // Load-balancing policy and circuit breakers are cluster fields in Envoy (CTR internal/envoy/v3/cluster.go);
        // a modified EDS cluster is warmed again, so its endpoints follow in EDS (envoyproxy.io xds_protocol, "cluster warming").
        ConfigChangeKind.IngressUpstreamAnnotationChanged => new(true, true, false, false, false),
        // A host gains a TLS filter chain (and an "https/<host>" route configuration): nothing existing drains.
        ConfigChangeKind.IngressTlsAdded or ConfigChangeKind.SecretCreated => AddedFilterChain,
        // The filter chain now names another SDS secret (certificate) or inlines another client CA
        // (auth.go validationContext): it is replaced, its connections drain.
        ConfigChangeKind.CertificateSecretUpdated or ConfigChangeKind.AuthSecretUpdated => ReplacedFilterChain,
        // The host loses its certificate: its filter chain is removed (drains) and its secure routes go.
        ConfigChangeKind.SecretDeleted => ReplacedFilterChain with { Routes = true },
        ConfigChangeKind.EndpointsChanged => new(false, true, false, false, false),
        // Global settings (timeouts, TLS parameters) live in every listener's connection manager and in the
        // clusters: all listeners are replaced.
        ConfigChangeKind.ConfigMapChanged => new(true, false, true, true, true),
        ConfigChangeKind.IngressLabelsChanged => Nothing,
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "unknown change kind"),
    };
}

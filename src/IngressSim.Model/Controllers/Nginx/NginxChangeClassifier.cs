using IngressSim.Model.Controllers.Sync;

namespace IngressSim.Model.Controllers.Nginx;

/// <summary>
/// Classifies configuration changes the way ingress-nginx's sync does. Every informer event rebuilds the
/// whole model and compares it with the running one (ING docs/how-it-works.md); the difference decides:
/// <c>pkg/util/ingress IsDynamicConfigurationEnough</c> clears backends (endpoints, upstream-only
/// settings) and server certificates from both models before comparing, so those changes alone are a
/// Lua update, anything else a reload (internal/ingress/controller/controller.go syncIngress).
/// </summary>
public sealed class NginxChangeClassifier
{
    private readonly bool _reloadOnEndpointChange;

    /// <param name="reloadOnEndpointChange">
    /// Legacy behaviour (before 0.18.0, the war story): no Lua balancer, so endpoints, upstream settings and
    /// certificates live in nginx.conf and every change reloads. Default false = modern dynamic
    /// configuration, the only mode since 0.21.0 (MODEL_FACTS §1, ING Changelog.md).
    /// </param>
    public NginxChangeClassifier(bool reloadOnEndpointChange) => _reloadOnEndpointChange = reloadOnEndpointChange;

    public NginxUpdate Classify(ConfigChangeKind change)
    {
        var modern = ModernOutcome(change);
        return _reloadOnEndpointChange && modern == NginxUpdate.DynamicUpdate ? NginxUpdate.Reload : modern;
    }

    /// <summary>
    /// The outcome of one sync that covers all <paramref name="changes"/> since the previous one (a burst
    /// collapses into one sync, MODEL_FACTS §1): the most expensive of theirs, NoChange for none.
    /// </summary>
    public NginxUpdate Classify(IEnumerable<ConfigChangeKind> changes)
    {
        var outcome = NginxUpdate.NoChange;
        foreach (var change in changes)
        {
            var next = Classify(change);
            if (next > outcome) outcome = next;
        }
        return outcome;
    }

    private static NginxUpdate ModernOutcome(ConfigChangeKind change) => change switch
    {
        // ING how-it-works.md "When a reload is required": new Ingress; TLS section added; annotation that
        // impacts more than the upstream; path added/removed; Ingress, Service or Secret removed; a missing
        // referenced object (Service, Secret) appearing; ConfigMap change (MODEL_FACTS §1).
        ConfigChangeKind.IngressCreated
            or ConfigChangeKind.IngressDeleted
            or ConfigChangeKind.IngressPathAdded
            or ConfigChangeKind.IngressPathRemoved
            or ConfigChangeKind.IngressAnnotationChanged
            or ConfigChangeKind.IngressTlsAdded
            or ConfigChangeKind.ServiceCreated
            or ConfigChangeKind.ServiceDeleted
            or ConfigChangeKind.SecretCreated
            or ConfigChangeKind.SecretDeleted
            or ConfigChangeKind.ConfigMapChanged => NginxUpdate.Reload,
        // The auth file's SHA is part of the location (annotations/auth BasicDigest.FileSHA), so new content
        // changes nginx.conf: how-it-works.md's "A Secret is updated" holds for these.
        ConfigChangeKind.AuthSecretUpdated => NginxUpdate.Reload,
        // Backends are cleared before the comparison and POSTed to /configuration/backends (nginx.go
        // configureBackends): endpoints and upstream-only annotations (how-it-works.md "Avoiding reloads").
        ConfigChangeKind.EndpointsChanged
            or ConfigChangeKind.IngressUpstreamAnnotationChanged => NginxUpdate.DynamicUpdate,
        // Certificates are cleared too (clearCertificates) and POSTed to /configuration/servers (nginx.go
        // configureCertificates): a certificate rotation does not reload, although how-it-works.md's list
        // predates dynamic certificates and still says "A Secret is updated".
        ConfigChangeKind.CertificateSecretUpdated => NginxUpdate.DynamicUpdate,
        // Labels are not part of the model.
        ConfigChangeKind.IngressLabelsChanged => NginxUpdate.NoChange,
        _ => throw new ArgumentOutOfRangeException(nameof(change), change, "unknown change kind"),
    };
}

namespace IngressSim.Model.Controllers.Sync;

/// <summary>
/// One Kubernetes change that reaches an ingress controller through its informers, in the terms its
/// configuration model cares about. The pipeline emits one per change to an object that an Ingress of
/// the controller's class is or references (changes to unrelated objects do not alter the model).
/// Controller-neutral: ingress-nginx classifies it into a reload or a Lua update
/// (<see cref="Nginx.NginxChangeClassifier"/>), Envoy into xDS resources.
/// </summary>
public enum ConfigChangeKind
{
    /// <summary>A new Ingress of this class (new server/location blocks).</summary>
    IngressCreated,
    IngressDeleted,
    /// <summary>A path added to an existing Ingress rule (a new location block).</summary>
    IngressPathAdded,
    IngressPathRemoved,
    /// <summary>
    /// An annotation that only changes the upstream (the Lua backend object), e.g. <c>load-balance</c>,
    /// <c>upstream-hash-by</c>, <c>canary-weight</c> (ING docs/how-it-works.md: "load-balance annotation
    /// does not require a reload"; nginx.go configureBackends sends these fields to Lua).
    /// </summary>
    IngressUpstreamAnnotationChanged,
    /// <summary>Any other annotation (rewrite, timeouts, snippets, auth, rate limits...): changes location/server blocks.</summary>
    IngressAnnotationChanged,
    /// <summary>A TLS section added to an existing Ingress.</summary>
    IngressTlsAdded,
    /// <summary>Only labels changed: the model is built from spec and annotations, so nothing changes.</summary>
    IngressLabelsChanged,
    /// <summary>A Service an Ingress references appears (it was missing: its paths served the default backend).</summary>
    ServiceCreated,
    ServiceDeleted,
    /// <summary>EndpointSlice endpoints of a referenced Service changed (pods added, removed, became ready or not).</summary>
    EndpointsChanged,
    /// <summary>A Secret an Ingress references appears (TLS certificate or auth file that was missing).</summary>
    SecretCreated,
    /// <summary>The content of a referenced TLS certificate Secret changed (rotation).</summary>
    CertificateSecretUpdated,
    /// <summary>The content of a referenced auth Secret (basic-auth file, client CA) changed.</summary>
    AuthSecretUpdated,
    SecretDeleted,
    /// <summary>The controller's ConfigMap changed (global nginx settings).</summary>
    ConfigMapChanged,
}

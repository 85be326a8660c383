using IngressSim.Kubernetes.Apps;
using IngressSim.Kubernetes.Autoscaling;
using IngressSim.Kubernetes.Core;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Gateway;
using IngressSim.Kubernetes.Networking;

namespace IngressSim.Kubernetes.Manifests;

/// <summary>
/// The API server's own required-field and range checks for the fields the simulator reads, so a manifest
/// kubectl would reject is reported here, at the field, instead of misbehaving later. Cross-object checks
/// (missing Service, TLS secret, ...) are lint's job, not this one's.
/// </summary>
internal static class ManifestValidator
{
    public static void Validate(KubernetesObject obj, DiagnosticBag diagnostics)
    {
        var check = new Checker(obj, diagnostics);
        if (string.IsNullOrEmpty(obj.Metadata.Name)) check.Missing("metadata.name");
        switch (obj)
        {
            case Ingress ingress: ValidateIngress(ingress, check); break;
            case IngressClass ingressClass: check.Require(ingressClass.Spec.Controller, "spec.controller"); break;
            case Service service: ValidateService(service, check); break;
            case Deployment deployment: ValidateDeployment(deployment, check); break;
            case HorizontalPodAutoscaler hpa: ValidateHpa(hpa, check); break;
            case Gateway.Gateway gateway: ValidateGateway(gateway, check); break;
            case HttpRoute route: ValidateHttpRoute(route, check); break;
        }
    }

    private static void ValidateIngress(Ingress ingress, Checker check)
    {
        var spec = ingress.Spec;
        // networking/v1 validation: "either `defaultBackend` or `rules` must be specified".
        if (spec.DefaultBackend is null && spec.Rules.Count == 0) check.Missing("spec.rules", "an Ingress needs rules or a defaultBackend");
        if (spec.DefaultBackend is not null) ValidateBackend(spec.DefaultBackend, "spec.defaultBackend", check);
        for (int r = 0; r < spec.Rules.Count; r++)
        {
            var http = spec.Rules[r].Http;
            if (http is null) continue;
            for (int p = 0; p < http.Paths.Count; p++)
            {
                var path = http.Paths[p];
                string at = $"spec.rules[{r}].http.paths[{p}]";
                if (path.PathType is null) check.Missing($"{at}.pathType", "pathType is required in networking.k8s.io/v1: Exact, Prefix or ImplementationSpecific");
                if (path.PathType is PathType.Exact or PathType.Prefix && !(path.Path?.StartsWith('/') ?? false))
                    check.Invalid($"{at}.path", $"path '{path.Path}' must be absolute (start with '/') for pathType {path.PathType}");
                if (path.Backend is null) check.Missing($"{at}.backend");
                else ValidateBackend(path.Backend, $"{at}.backend", check);
            }
        }
    }

    private static void ValidateBackend(IngressBackend backend, string at, Checker check)
    {
        if (backend.Resource is not null) return;
        if (backend.Service is null) { check.Missing($"{at}.service"); return; }
        check.Require(backend.Service.Name, $"{at}.service.name");
        var port = backend.Service.Port;
        if (port.Number is null == string.IsNullOrEmpty(port.Name))
            check.Invalid($"{at}.service.port", "exactly one of port.number or port.name must be set");
        else if (port.Number is < 1 or > 65535)
            check.Invalid($"{at}.service.port.number", $"port {port.Number} is outside 1-65535");
    }

    private static void ValidateService(Service service, Checker check)
    {
        for (int i = 0; i < service.Spec.Ports.Count; i++)
            if (service.Spec.Ports[i].Port is < 1 or > 65535)
                check.Invalid($"spec.ports[{i}].port", $"port {service.Spec.Ports[i].Port} is outside 1-65535");
    }

    private static void ValidateDeployment(Deployment deployment, Checker check)
    {
        if (deployment.Spec.Replicas is < 0) check.Invalid("spec.replicas", "replicas must not be negative");
        var strategy = deployment.Spec.Strategy.RollingUpdate;
        if (strategy?.MaxSurge is { } surge && !surge.TryScale(100, roundUp: true, out _))
            check.Invalid("spec.strategy.rollingUpdate.maxSurge", $"'{surge}' is neither a number nor a percentage");
        if (strategy?.MaxUnavailable is { } unavailable && !unavailable.TryScale(100, roundUp: false, out _))
            check.Invalid("spec.strategy.rollingUpdate.maxUnavailable", $"'{unavailable}' is neither a number nor a percentage");
        var pod = deployment.Spec.Template.Spec;
        // The simulator's own bounds (a day, an hour): a pod's lifecycle timing longer than that is a typo.
        if (pod.TerminationGracePeriodSeconds is < 0 or > 86_400)
            check.Invalid("spec.template.spec.terminationGracePeriodSeconds", $"{pod.TerminationGracePeriodSeconds} is outside 0-86400 seconds");
        var containers = pod.Containers;
        for (int c = 0; c < containers.Count; c++)
        {
            var at = $"spec.template.spec.containers[{c}]";
            if (containers[c].Resources.Requests.TryGetValue("cpu", out var cpu) && !CpuQuantity.TryParseMillicores(cpu, out _))
                check.Invalid($"{at}.resources.requests.cpu", $"'{cpu}' is not a CPU quantity such as 500m or 0.5");
            if (containers[c].Lifecycle?.PreStop?.Sleep?.Seconds is < 0 or > 3600)
                check.Invalid($"{at}.lifecycle.preStop.sleep.seconds", $"{containers[c].Lifecycle!.PreStop!.Sleep!.Seconds} is outside 0-3600 seconds");
            if (containers[c].ReadinessProbe is { } probe)
            {
                if (probe.PeriodSeconds is < 1 or > 3600) check.Invalid($"{at}.readinessProbe.periodSeconds", $"{probe.PeriodSeconds} is outside 1-3600 seconds");
                if (probe.TimeoutSeconds is < 1 or > 3600) check.Invalid($"{at}.readinessProbe.timeoutSeconds", $"{probe.TimeoutSeconds} is outside 1-3600 seconds");
                if (probe.FailureThreshold is < 1 or > 100) check.Invalid($"{at}.readinessProbe.failureThreshold", $"{probe.FailureThreshold} is outside 1-100");
            }
        }
    }

    private static void ValidateHpa(HorizontalPodAutoscaler hpa, Checker check)
    {
        check.Require(hpa.Spec.ScaleTargetRef.Name, "spec.scaleTargetRef.name");
        check.Require(hpa.Spec.ScaleTargetRef.Kind, "spec.scaleTargetRef.kind");
        if (hpa.Spec.MaxReplicas < 1) check.Invalid("spec.maxReplicas", "maxReplicas must be at least 1");
        if (hpa.Spec.MinReplicas is int min && (min < 1 || min > hpa.Spec.MaxReplicas))
            check.Invalid("spec.minReplicas", $"minReplicas {min} must be between 1 and maxReplicas {hpa.Spec.MaxReplicas}");
    }

    private static void ValidateGateway(Gateway.Gateway gateway, Checker check)
    {
        check.Require(gateway.Spec.GatewayClassName, "spec.gatewayClassName");
        if (gateway.Spec.Listeners.Count == 0) check.Missing("spec.listeners");
        for (int i = 0; i < gateway.Spec.Listeners.Count; i++)
        {
            var listener = gateway.Spec.Listeners[i];
            check.Require(listener.Name, $"spec.listeners[{i}].name");
            check.Require(listener.Protocol, $"spec.listeners[{i}].protocol");
            if (listener.Port is < 1 or > 65535) check.Invalid($"spec.listeners[{i}].port", $"port {listener.Port} is outside 1-65535");
        }
    }

    private static void ValidateHttpRoute(HttpRoute route, Checker check)
    {
        for (int p = 0; p < route.Spec.ParentRefs.Count; p++) check.Require(route.Spec.ParentRefs[p].Name, $"spec.parentRefs[{p}].name");
        for (int r = 0; r < route.Spec.Rules.Count; r++)
        {
            var rule = route.Spec.Rules[r];
            for (int m = 0; m < rule.Matches.Count; m++)
            {
                var path = rule.Matches[m].Path;
                if (path is null) continue;
                string at = $"spec.rules[{r}].matches[{m}].path";
                if (path.Type is not ("Exact" or "PathPrefix" or "RegularExpression"))
                    check.Invalid($"{at}.type", $"'{path.Type}' is not a path match type (Exact, PathPrefix or RegularExpression)");
                else if (path.Type != "RegularExpression" && !path.Value.StartsWith('/'))
                    check.Invalid($"{at}.value", $"path '{path.Value}' must start with '/'");
            }
            for (int b = 0; b < rule.BackendRefs.Count; b++)
            {
                check.Require(rule.BackendRefs[b].Name, $"spec.rules[{r}].backendRefs[{b}].name");
                if (rule.BackendRefs[b].Weight is < 0 or > 1_000_000)
                    check.Invalid($"spec.rules[{r}].backendRefs[{b}].weight", "weight must be between 0 and 1000000");
            }
        }
    }

    private readonly struct Checker(KubernetesObject obj, DiagnosticBag diagnostics)
    {
        public void Require(string? value, string field)
        {
            if (string.IsNullOrEmpty(value)) Missing(field);
        }

        /// <summary>"Ingress shop", or just "Ingress" when the name is what is missing.</summary>
        private string Subject => obj.Metadata.Name.Length == 0 ? obj.Kind : $"{obj.Kind} {obj.Metadata.Name}";

        public void Missing(string field, string? hint = null) =>
            diagnostics.Error(ManifestDiagnosticCodes.MissingField, $"{Subject}: required field {field} is missing", obj.Locate(field), hint);

        public void Invalid(string field, string message) =>
            diagnostics.Error(ManifestDiagnosticCodes.InvalidValue, $"{Subject}: {field}: {message}", obj.Locate(field));
    }
}

using System.Globalization;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Networking;

namespace IngressSim.Routing.IngressNginx;

/// <summary>The ingress-nginx annotations that change routing (ING docs/user-guide/nginx-configuration/annotations.md).</summary>
internal static class NginxAnnotations
{
    public const string Prefix = "nginx.ingress.kubernetes.io/";
    public const string UseRegex = Prefix + "use-regex";
    public const string RewriteTarget = Prefix + "rewrite-target";
    public const string Canary = Prefix + "canary";
    public const string CanaryByHeader = Prefix + "canary-by-header";
    public const string CanaryByHeaderValue = Prefix + "canary-by-header-value";
    public const string CanaryByHeaderPattern = Prefix + "canary-by-header-pattern";
    public const string CanaryByCookie = Prefix + "canary-by-cookie";
    public const string CanaryWeight = Prefix + "canary-weight";
    public const string CanaryWeightTotal = Prefix + "canary-weight-total";

    /// <summary>Go's strconv.ParseBool, which the annotation parser uses: anything else is false.</summary>
    public static bool Bool(Ingress ingress, string key) =>
        ingress.Metadata.Annotation(key) is "1" or "t" or "T" or "true" or "TRUE" or "True";

    /// <summary>
    /// "use-regex" or "rewrite-target" on an Ingress puts every location of its hosts in regex mode
    /// (ING template.go enforceRegexModifier; docs/user-guide/ingress-path-matching.md).
    /// </summary>
    public static bool ForcesRegex(Ingress ingress) =>
        Bool(ingress, UseRegex) || !string.IsNullOrEmpty(ingress.Metadata.Annotation(RewriteTarget));

    public static bool IsCanary(Ingress ingress) => Bool(ingress, Canary);

    /// <summary>An integer annotation; an unparsable value is logged and ignored by ingress-nginx, so it reads as <paramref name="fallback"/>.</summary>
    public static int Int(Ingress ingress, string key, int fallback, DiagnosticBag diagnostics)
    {
        string? text = ingress.Metadata.Annotation(key);
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value)) return value;
        diagnostics.Warning(RoutingDiagnosticCodes.InvalidAnnotation, $"Ingress {ingress.Key}: {key} '{text}' is not an integer; ingress-nginx ignores it",
            ingress.Locate($"metadata.annotations.{key}"), "write a whole number, e.g. \"10\"");
        return fallback;
    }
}

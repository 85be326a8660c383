using System.Text.RegularExpressions;
using IngressSim.Engine.Randomness;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Networking;
using IngressSim.Routing.Matching;

namespace IngressSim.Routing.IngressNginx;

/// <summary>
/// A canary Ingress's traffic-shaping policy and the per-request decision of ingress-nginx's Lua balancer
/// (ING rootfs/etc/nginx/lua/balancer.lua route_to_alternative_balancer): header, then cookie, then weight.
/// </summary>
internal sealed class CanaryPolicy
{
    /// <summary>canary-weight-total default (ING annotations.md#canary).</summary>
    private const int DefaultWeightTotal = 100;

    private readonly string? _header;
    private readonly string? _headerValue;
    private readonly Regex? _headerPattern;
    private readonly string? _cookie;
    private readonly int _weight;
    private readonly int _weightTotal;

    private CanaryPolicy(string? header, string? headerValue, Regex? headerPattern, string? cookie, int weight, int weightTotal)
    {
        _header = header;
        _headerValue = headerValue;
        _headerPattern = headerPattern;
        _cookie = cookie;
        _weight = weight;
        _weightTotal = weightTotal;
    }

    public static CanaryPolicy Parse(Ingress ingress, DiagnosticBag diagnostics)
    {
        string? pattern = NonEmpty(ingress.Metadata.Annotation(NginxAnnotations.CanaryByHeaderPattern));
        Regex? headerPattern = null;
        if (pattern is not null)
        {
            // PCRE via ngx.re.match: unanchored and case-sensitive. A pattern that fails to compile makes
            // the Lua decision stop there; dropping it is the closest behaviour that keeps routing going.
            headerPattern = RegexFactory.TryCreate(pattern, RegexOptions.None, out string? error);
            if (headerPattern is null)
                diagnostics.Warning(RoutingDiagnosticCodes.InvalidRegex, $"Ingress {ingress.Key}: canary-by-header-pattern is not a valid regex: {error}",
                    ingress.Locate($"metadata.annotations.{NginxAnnotations.CanaryByHeaderPattern}"));
        }
        int weightTotal = NginxAnnotations.Int(ingress, NginxAnnotations.CanaryWeightTotal, DefaultWeightTotal, diagnostics);
        return new CanaryPolicy(
            NonEmpty(ingress.Metadata.Annotation(NginxAnnotations.CanaryByHeader)),
            NonEmpty(ingress.Metadata.Annotation(NginxAnnotations.CanaryByHeaderValue)),
            headerPattern,
            NonEmpty(ingress.Metadata.Annotation(NginxAnnotations.CanaryByCookie)),
            NginxAnnotations.Int(ingress, NginxAnnotations.CanaryWeight, 0, diagnostics),
            // balancer.lua uses the total only when it is above 100.
            Math.Max(weightTotal, DefaultWeightTotal));
    }

    public bool ChoosesCanary(in RouteRequest request, RandomStream random)
    {
        if (_header is not null && request.Header(_header) is { } header)
        {
            // With a value set, only equality counts and anything else falls through; the pattern is
            // ignored when a value is set; "always"/"never" are special only when neither is set.
            if (_headerValue is not null)
            {
                if (header == _headerValue) return true;
            }
            else if (_headerPattern is not null)
            {
                if (_headerPattern.IsMatch(header)) return true;
            }
            else if (header == "always") return true;
            else if (header == "never") return false;
        }
        if (_cookie is not null && request.Cookie(_cookie) is { } cookie)
        {
            if (cookie == "always") return true;
            if (cookie == "never") return false;
        }
        // math.random(total) <= weight, i.e. a uniform draw in 1..total.
        return (long)random.NextBounded((ulong)_weightTotal) + 1 <= _weight;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

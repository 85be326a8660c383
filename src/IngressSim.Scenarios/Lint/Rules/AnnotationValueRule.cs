using System.Globalization;
using IngressSim.Kubernetes.Diagnostics;

namespace IngressSim.Scenarios.Lint.Rules;

/// <summary>
/// ingress-nginx annotations with values the controller rejects or ignores (ING annotations.md):
/// non-numeric or negative limits and timeouts, canary weights beyond the weight total, unknown choices.
/// </summary>
public sealed class AnnotationValue : ILintRule
{
    public string Code => LintCodes.AnnotationValue;
    public string Title => "Invalid ingress-nginx annotation value";
    public Severity Severity => Severity.Error;

    private static readonly Dictionary<string, Func<string, IReadOnlyDictionary<string, string>, string?>> Checks = new(StringComparer.Ordinal)
    {
        ["canary"] = (v, _) => Boolean(v),
        ["canary-weight"] = (v, all) => Integer(v, 0, WeightTotal(all), "0 to canary-weight-total"),
        ["canary-weight-total"] = (v, _) => Integer(v, 1, int.MaxValue, "a positive number (default 100)"),
        ["limit-rps"] = (v, _) => Integer(v, 1, int.MaxValue, "a positive number of requests per second"),
        ["limit-rpm"] = (v, _) => Integer(v, 1, int.MaxValue, "a positive number of requests per minute"),
        ["limit-connections"] = (v, _) => Integer(v, 1, int.MaxValue, "a positive number of connections"),
        ["limit-burst-multiplier"] = (v, _) => Integer(v, 1, int.MaxValue, "a positive multiplier (default 5)"),
        ["proxy-connect-timeout"] = (v, _) => Integer(v, 1, int.MaxValue, "a positive number of seconds"),
        ["proxy-read-timeout"] = (v, _) => Integer(v, 1, int.MaxValue, "a positive number of seconds"),
        ["proxy-send-timeout"] = (v, _) => Integer(v, 1, int.MaxValue, "a positive number of seconds"),
        ["proxy-next-upstream-tries"] = (v, _) => Integer(v, 0, int.MaxValue, "0 or more tries"),
        ["load-balance"] = (v, _) => v is "round_robin" or "ewma" ? null : $"'{v}' is not round_robin or ewma",
        ["service-upstream"] = (v, _) => Boolean(v),
        ["use-regex"] = (v, _) => Boolean(v),
        ["ssl-redirect"] = (v, _) => Boolean(v),
    };

    public IEnumerable<Diagnostic> Check(LintContext context)
    {
        foreach (var ingress in context.Ingresses)
            foreach (var (key, value) in ingress.Metadata.Annotations)
            {
                if (!key.StartsWith(LintContext.NginxAnnotationPrefix, StringComparison.Ordinal)) continue;
                var name = key[LintContext.NginxAnnotationPrefix.Length..];
                if (Checks.TryGetValue(name, out var check) && check(value.Trim(), ingress.Metadata.Annotations) is { } problem)
                    yield return new Diagnostic(Severity, Code, $"Ingress {ingress.Key}: {key}: {problem}",
                        ingress.Locate($"metadata.annotations.{key}"), "fix the value; ingress-nginx ignores or rejects it");
            }
    }

    private static int WeightTotal(IReadOnlyDictionary<string, string> annotations) =>
        annotations.TryGetValue(LintContext.NginxAnnotationPrefix + "canary-weight-total", out var total)
        && int.TryParse(total, NumberStyles.None, CultureInfo.InvariantCulture, out int t) && t > 0 ? t : 100;

    private static string? Integer(string value, int min, int max, string expected) =>
        long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n)
            ? n >= min && n <= max ? null : $"{n} is out of range; expected {expected}"
            : $"'{value}' is not a whole number; expected {expected}";

    private static string? Boolean(string value) => value is "true" or "false" ? null : $"'{value}' is not \"true\" or \"false\"";
}

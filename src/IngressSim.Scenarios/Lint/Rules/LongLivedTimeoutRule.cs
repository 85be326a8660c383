using System.Globalization;
using IngressSim.Engine.Time;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Cluster;
using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Lint.Rules;

/// <summary>
/// WebSocket sessions silent for longer than the proxy's idle read timeout are cut by it
/// (MODEL_FACTS §2: proxy-read-timeout 60 s; §3: Envoy stream idle timeout 5 min).
/// </summary>
public sealed class LongLivedTimeout : ILintRule
{
    public string Code => LintCodes.LongLivedTimeout;
    public string Title => "Long-lived connections longer than the proxy read timeout";
    public Severity Severity => Severity.Warning;

    public IEnumerable<Diagnostic> Check(LintContext context)
    {
        if (context.Scenario is null) yield break;
        foreach (var (source, index, host) in context.TrafficHosts())
        {
            if (source.WebSocket is not { } ws) continue;
            var ingress = context.IngressesForHost(host).FirstOrDefault();
            var controller = ingress is null ? context.Controllers.FirstOrDefault() : context.ControllerFor(ingress);
            if (controller is null) continue;
            var (timeout, origin) = TimeoutFor(controller, ingress);
            double silentSeconds = (ws.MessageInterval ?? ws.Lifetime).MeanSeconds();
            if (silentSeconds <= timeout.TotalSeconds) continue;
            yield return new Diagnostic(Severity, Code,
                $"traffic '{source.Name}' keeps WebSockets to {host} silent for ~{silentSeconds:0.#} s on average, above {origin} ({timeout}): sessions will be cut",
                context.Scenario.Tree.ItemAt("spec.traffic.sources", index).At("webSocket")?.Location ?? default,
                controller.Kind == ControllerKind.Nginx
                    ? $"raise nginx.ingress.kubernetes.io/proxy-read-timeout on the Ingress (e.g. \"{Math.Ceiling(silentSeconds * 2)}\") or send pings"
                    : "raise the stream idle timeout or send pings");
            break;
        }
    }

    private static (Duration Timeout, string Origin) TimeoutFor(ControllerSpec controller, Kubernetes.Networking.Ingress? ingress)
    {
        if (controller.Kind == ControllerKind.Envoy) return (controller.Envoy.StreamIdleTimeout, $"controller '{controller.Name}' stream idle timeout");
        if (ingress?.Metadata.Annotation(LintContext.NginxAnnotationPrefix + "proxy-read-timeout") is { } text
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int seconds))
            return (Duration.FromSeconds(seconds), $"Ingress {ingress.Key} proxy-read-timeout");
        return (controller.Nginx.Proxy.ReadTimeout, $"controller '{controller.Name}' proxy read timeout");
    }
}

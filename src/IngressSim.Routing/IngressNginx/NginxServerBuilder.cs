using System.Text.RegularExpressions;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Networking;
using IngressSim.Routing.Matching;

namespace IngressSim.Routing.IngressNginx;

/// <summary>Collects one host's locations from the Ingresses (oldest first) and compiles them into an <see cref="NginxServer"/>.</summary>
internal sealed class NginxServerBuilder
{
    private readonly List<DeclaredPath> _paths = [];
    private readonly Dictionary<(string Path, PathType Type), NginxLocation> _declared = [];
    private bool _regexMode;

    /// <summary>The server's root default: the first Ingress of this host's spec.defaultBackend, else null (404).</summary>
    public NginxLocation? Default { get; set; }

    /// <summary>Every declared location, for attaching a canary default backend.</summary>
    public IEnumerable<NginxLocation> Locations => _declared.Values;

    /// <summary>
    /// Adds a path unless an older Ingress declared the same path and type (ING controller.go
    /// "Location already configured": the oldest Ingress wins a conflict).
    /// </summary>
    public void Declare(string path, PathType type, NginxLocation location, bool forcesRegex)
    {
        if (!_declared.TryAdd((path, type), location)) return;
        _paths.Add(new DeclaredPath(path, type, location, forcesRegex));
        _regexMode |= forcesRegex;
    }

    /// <summary>The location declared for exactly this path and type (how canaries find their mainline).</summary>
    public NginxLocation? Find(string path, PathType type) => _declared.GetValueOrDefault((path, type));

    public NginxServer Build(DiagnosticBag diagnostics)
    {
        var exact = new Dictionary<string, NginxLocation>(StringComparer.Ordinal);
        var prefixes = new Dictionary<string, NginxLocation>(StringComparer.Ordinal);
        if (_regexMode) return new NginxServer(exact, prefixes, BuildRegexLocations(diagnostics), Default);
        foreach (var declared in _paths)
        {
            if (declared.Type == PathType.Exact) exact.TryAdd(declared.Path, declared.Location);
            else prefixes.TryAdd(PathPrefix.Key(declared.Path), declared.Location);
        }
        return new NginxServer(exact, prefixes, null, Default);
    }

    /// <summary>
    /// ingress-nginx's regex-mode location list. A Prefix path of an Ingress without regex annotations is
    /// first split into "path/" and an exact "path" (ING location.go updateServerLocations); then locations
    /// sort by path length, longest first, ties by path descending (ING controller.go sort.SliceStable),
    /// and each becomes <c>location ~* "^path"</c>.
    /// </summary>
    private (Regex, NginxLocation)[] BuildRegexLocations(DiagnosticBag diagnostics)
    {
        var expanded = new List<(string Path, NginxLocation Location)>();
        foreach (var declared in _paths)
        {
            bool split = declared.Type == PathType.Prefix && declared.Path != "/" && !declared.ForcesRegex
                && !_declared.ContainsKey((declared.Path, PathType.Exact));
            if (split) expanded.Add((declared.Path.EndsWith('/') ? declared.Path : declared.Path + "/", declared.Location));
            expanded.Add((declared.Path, declared.Location));
        }
        var compiled = new List<(Regex, NginxLocation)>();
        foreach (var (path, location) in expanded.OrderByDescending(e => e.Path.Length).ThenByDescending(e => e.Path, StringComparer.Ordinal))
        {
            var regex = RegexFactory.TryCreate("^" + path, RegexOptions.IgnoreCase, out string? error);
            if (regex is null)
                diagnostics.Warning(RoutingDiagnosticCodes.InvalidRegex, $"path '{path}' is not a valid regex in regex mode (use-regex/rewrite-target on this host): {error}",
                    location.Origin.Location, "nginx -t would reject this configuration; escape the path or drop use-regex");
            else compiled.Add((regex, location));
        }
        return compiled.ToArray();
    }

    private sealed record DeclaredPath(string Path, PathType Type, NginxLocation Location, bool ForcesRegex);
}

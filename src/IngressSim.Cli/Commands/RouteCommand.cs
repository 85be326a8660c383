using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using IngressSim.Engine.Randomness;
using IngressSim.Kubernetes;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Manifests;
using IngressSim.Kubernetes.Meta;
using IngressSim.Routing;
using IngressSim.Scenarios.Validation;
using Spectre.Console;

namespace IngressSim.Cli.Commands;

/// <summary>
/// <c>ingress-sim route -f MANIFESTS --host H --path P ...</c>: which Service one request reaches under a set
/// of Ingress / HTTPRoute manifests, or with <c>--samples N</c> how N such requests split (canary weights,
/// backendRef weights).
/// </summary>
public static class RouteCommand
{
    /// <summary>Enough to measure any split to well under 0.1 %; more only costs time.</summary>
    private const int MaxSamples = 10_000_000;

    public static Command Create()
    {
        var file = new Option<string>("--file", "-f") { Description = "a file of Kubernetes manifests (multi-document, or kind: List)", Required = true, HelpName = "MANIFESTS" };
        var host = new Option<string>("--host") { Description = "the request's Host header", Required = true };
        var path = new Option<string>("--path") { Description = "the request target: path with optional ?query", Required = true };
        var method = new Option<string>("--method") { Description = "the HTTP method", DefaultValueFactory = _ => "GET" };
        var scheme = new Option<string>("--scheme") { Description = "http or https (picks the Gateway listeners of that protocol)", DefaultValueFactory = _ => "http" };
        scheme.AcceptOnlyFromAmong("http", "https");
        var headers = PairOptions.Headers();
        var cookies = PairOptions.Cookies();
        var samples = new Option<int?>("--samples") { Description = $"route N identical requests and print how they split (1 to {MaxSamples})" };
        var seed = new Option<ulong>("--seed") { Description = "seed of the random stream behind weighted choices", DefaultValueFactory = _ => 1 };
        var controllerClass = new Option<string?>("--controller-class") { Description = $"route as the Ingress controller owning IngressClasses with this spec.controller (ingress-nginx's flag; default {IngressControllerSelection.IngressNginx.ControllerName}, or the first Gateway when there are no Ingresses)" };
        var ingressClass = new Option<string?>("--ingress-class") { Description = $"the class that controller's own install creates, served even when the manifests do not define it (ingress-nginx's flag; default {IngressControllerSelection.IngressNginx.ClassName})" };
        var gateway = new Option<string?>("--gateway") { Description = "route as this Gateway (namespace/name, or name in \"default\") and its HTTPRoutes", HelpName = "NAMESPACE/NAME" };
        var json = new Option<bool>("--json") { Description = "print one JSON object" };
        var command = new Command("route", "Show which Service a request reaches under a set of Ingress / HTTPRoute manifests.")
        {
            file, host, path, method, scheme, headers, cookies, samples, seed, controllerClass, ingressClass, gateway, json,
        };
        command.SetAction(parse =>
        {
            int? n = parse.GetValue(samples);
            string target = parse.GetRequiredValue(path);
            string? gatewayKey = parse.GetValue(gateway), controller = parse.GetValue(controllerClass), className = parse.GetValue(ingressClass);
            var gatewaySelection = gatewayKey is null ? null : ParseGateway(gatewayKey);
            var problem =
                !target.StartsWith('/') ? $"--path '{target}' must start with '/' (an origin-form request target, e.g. /api?id=1)" :
                n is < 1 or > MaxSamples ? $"--samples must be between 1 and {MaxSamples}" :
                gatewayKey is not null && (controller ?? className) is not null ? "--gateway routes as a Gateway; --controller-class and --ingress-class as an Ingress controller: give one or the other" :
                gatewayKey is not null && gatewaySelection is null ? $"--gateway '{gatewayKey}': expected NAMESPACE/NAME or NAME" :
                null;
            if (problem is not null)
            {
                Console.Error.WriteLine($"ingress-sim route: {problem}");
                return ExitCodes.BadInput;
            }

            var manifests = ManifestReader.ReadFile(parse.GetRequiredValue(file));
            Console.Error.Write(DiagnosticFormatter.Text(manifests.Diagnostics));
            if (manifests.HasErrors) return ExitCodes.BadInput;

            var selection = gatewaySelection ?? SelectController(manifests.Objects, controller, className);
            var compileDiagnostics = new DiagnosticBag();
            var router = Router.Compile(manifests.Objects, selection, compileDiagnostics);
            Console.Error.Write(DiagnosticFormatter.Text(compileDiagnostics.Items));
            if (compileDiagnostics.HasErrors) return ExitCodes.BadInput;

            var request = new RouteRequest
            {
                Host = parse.GetRequiredValue(host),
                Target = target,
                Method = parse.GetRequiredValue(method),
                Scheme = parse.GetRequiredValue(scheme),
                Headers = parse.GetValue(headers) ?? [],
                Cookies = parse.GetValue(cookies) ?? [],
            };
            var random = new RandomStream(parse.GetValue(seed), "route");
            bool asJson = parse.GetValue(json);
            if (n is int count)
            {
                var split = RouteSplit.Sample(router, request, count, random);
                if (asJson) JsonOutput.Write(Console.Out, SplitJson(split));
                else PrintSplit(request, split, count);
            }
            else
            {
                var result = router.Route(request, random);
                if (asJson) JsonOutput.Write(Console.Out, ResultJson(result));
                else Console.Out.WriteLine($"{Describe(request)} → {result}{(result.Origin is { } origin ? $" via {origin} at {origin.Location}" : "")}");
            }
            return ExitCodes.Success;
        });
        return command;
    }

    private static GatewaySelection? ParseGateway(string key) => key.Split('/') switch
    {
        [var name] when name.Length > 0 => new GatewaySelection(name),
        [var ns, var name] when ns.Length > 0 && name.Length > 0 => new GatewaySelection(name, ns),
        _ => null,
    };

    /// <summary>An explicit controller keeps <see cref="ControllerSelection.ForManifests"/>'s rule for class-less Ingresses.</summary>
    private static ControllerSelection SelectController(IReadOnlyList<KubernetesObject> objects, string? controllerClass, string? className)
    {
        var natural = ControllerSelection.ForManifests(objects);
        if (controllerClass is null && className is null) return natural;
        var controller = natural as IngressControllerSelection ?? IngressControllerSelection.IngressNginx;
        return controller with { ControllerName = controllerClass ?? controller.ControllerName, ClassName = className ?? controller.ClassName };
    }

    private static string Describe(in RouteRequest request) => $"{request.Method} {request.Scheme}://{request.Host}{request.Target}";

    /// <summary>
    /// <c>{"backend":{"service":"svc","port":80}}</c> or <c>{"status":404}</c>; a 500/503 also names the backend
    /// the route chose, so the user sees which Service or port is missing.
    /// </summary>
    private static JsonObject ResultJson(RouteResult result)
    {
        var json = new JsonObject();
        if (result.Status is int status) json["status"] = status;
        if (result.Backend is { } backend) json["backend"] = BackendJson(backend);
        return json;
    }

    private static JsonObject BackendJson(BackendTarget backend)
    {
        var json = new JsonObject { ["service"] = backend.Service };
        if (backend.Namespace != ObjectMeta.DefaultNamespace) json["namespace"] = backend.Namespace;
        if (backend.Port is int port) json["port"] = port;
        else json["portName"] = backend.PortName;
        return json;
    }

    /// <summary><c>{"split":{"svc":0.9,"svc-canary":0.1}}</c>, most frequent first.</summary>
    private static JsonObject SplitJson(IReadOnlyList<RouteShare> split)
    {
        var shares = new JsonObject();
        foreach (var share in split) shares[share.Label] = share.Fraction;
        return new JsonObject { ["split"] = shares };
    }

    private static void PrintSplit(in RouteRequest request, IReadOnlyList<RouteShare> split, int samples)
    {
        var table = new Table().AddColumns("outcome", "requests", "share");
        table.Columns[1].RightAligned();
        table.Columns[2].RightAligned();
        foreach (var share in split)
            table.AddRow(new Text(share.Label), new Text(share.Count.ToString("N0", CultureInfo.InvariantCulture)),
                new Text(share.Fraction.ToString("P1", CultureInfo.InvariantCulture)));
        Console.Out.WriteLine($"{Describe(request)} × {samples.ToString("N0", CultureInfo.InvariantCulture)}");
        AnsiConsole.Write(table);
    }
}

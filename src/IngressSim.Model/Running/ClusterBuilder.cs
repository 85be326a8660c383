using System.Globalization;
using IngressSim.Engine.Events;
using IngressSim.Kubernetes.Apps;
using IngressSim.Kubernetes.Core;
using IngressSim.Model.Clients;
using IngressSim.Model.Controllers;
using IngressSim.Model.Pipeline;
using IngressSim.Model.Tls;
using IngressSim.Model.Workloads;
using IngressSim.Routing;
using IngressSim.Scenarios.Cluster;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Traffic;

namespace IngressSim.Model.Running;

/// <summary>
/// Builds the <see cref="Cluster"/> a scenario describes: a Service per Service manifest with the
/// pods its Deployments run, each controller with its compiled routes and replicas, and each
/// traffic source with the requests it sends. Runs once per simulation (cold path: clarity first).
/// </summary>
public static class ClusterBuilder
{
    public const string UnroutedSeries = "(unrouted)";

    public static Cluster Build(LoadedScenario scenario, Simulation simulation)
    {
        var spec = scenario.Spec;
        var objects = scenario.Manifests.Objects;
        var streams = simulation.Random;
        var podRelay = new StationRelay();
        var cpuRelay = new StationRelay();

        var services = BuildServices(scenario, streams);
        var pods = BuildPods(scenario, simulation, services, podRelay);

        var controllers = new List<IngressController>();
        var replicas = new List<ControllerReplica>();
        for (int i = 0; i < spec.Cluster.Controllers.Count; i++)
        {
            var controllerSpec = spec.Cluster.Controllers[i];
            var selection = new IngressControllerSelection(ControllerClasses.ControllerName(controllerSpec.Kind), controllerSpec.ClassName, WatchIngressWithoutClass: false);
            var controller = new IngressController(i, controllerSpec, Router.Compile(objects, selection));
            for (int r = 0; r < controllerSpec.Replicas; r++)
            {
                var replica = new ControllerReplica(simulation, replicas.Count, controller, r, services.Count, cpuRelay);
                controller.Add(replica);
                replicas.Add(replica);
            }
            controllers.Add(controller);
        }

        var seriesNames = services.Select(s => s.Key).Append(UnroutedSeries).ToArray();
        var routingStreams = controllers.Select(c => streams.For($"controller/{c.Name}/routing")).ToArray();
        var sources = spec.Traffic.Sources
            .Select((source, i) => BuildSource(i, source, scenario, controllers, services, streams))
            .ToArray();

        var cluster = new Cluster
        {
            Sources = sources,
            Controllers = controllers,
            Replicas = replicas,
            Services = services,
            Pods = pods,
            LoadBalancers = controllers.Select(c => new ControllerLoadBalancer(c, spec.Cluster.LoadBalancer, streams.For($"load-balancer/{c.Name}/probe-phases"))).ToArray(),
            Handshakes = spec.Traffic.Sources.SelectMany(s => controllers.Select(c => HandshakeTimings.From(s.Tls, c.Spec.Costs))).ToArray(),
            RoutingStreams = routingStreams,
            PodNetworkLatency = spec.Cluster.PodNetworkLatency,
            LoadBalancerLatency = spec.Cluster.LoadBalancer.Latency,
            LoadBalancerIdleTimeout = spec.Cluster.LoadBalancer.IdleTimeout,
            SeriesNames = seriesNames,
            ReplicaCpuRelay = cpuRelay,
            PodRelay = podRelay,
        };
        cluster.IndexServices();
        // ING annotations.md: proxy-read-timeout in seconds, per Ingress.
        foreach (var ingress in scenario.Manifests.OfKind<Kubernetes.Networking.Ingress>())
            if (ingress.Metadata.Annotation("nginx.ingress.kubernetes.io/proxy-read-timeout") is { } value
                && int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int seconds) && seconds > 0)
                cluster.IngressReadTimeouts[(ingress.Metadata.Namespace, ingress.Metadata.Name)] = Engine.Time.Duration.FromSeconds(seconds);
        var policies = scenario.Manifests.OfKind<Kubernetes.Networking.NetworkPolicy>().ToList();
        foreach (var controller in controllers)
            foreach (var service in services)
                if (service.Deployment is { } d && !Kubernetes.Networking.NetworkPolicy.AllowsFrom(
                        policies, d.Metadata.Namespace, d.Spec.Template.Metadata.Labels, controller.Spec.Namespace))
                    controller.DeniedServices.Add(service.Id);
        var firstPacket = KubeProxy.FirstPacketLatency.For(spec.Cluster.KubeProxy.Mode, services.Count);
        foreach (var replica in replicas)
        {
            replica.NodeKubeProxy = new KubeProxy.KubeProxyRules(spec.Cluster.KubeProxy, services.Select(s => s.ReadyEndpointIds).ToArray(), Engine.Time.Duration.Zero);
            // Service sessionAffinity: ClientIP pins a client to a pod in kube-proxy (MODEL_FACTS §4: 10800 s default).
            foreach (var (service, manifest) in services.Zip(scenario.Manifests.OfKind<Service>()))
                if (manifest.Spec.SessionAffinity == "ClientIP")
                    replica.NodeKubeProxy.SetSessionAffinity(service.Id, manifest.Spec.SessionAffinityConfig?.ClientIP?.TimeoutSeconds is int seconds
                        ? Engine.Time.Duration.FromSeconds(seconds) : KubeProxy.KubeProxyRules.DefaultAffinityTimeout);
            replica.FirstPacket = firstPacket;
        }
        foreach (var controller in controllers)
        {
            controller.InitialiseEndpoints(services);
            foreach (var ingress in ServedIngresses(scenario, controller))
            {
                // ING annotations.md: nginx.ingress.kubernetes.io/affinity "cookie" (INGRESSCOOKIE, mode balanced).
                bool cookieAffinity = ingress.Metadata.Annotation("nginx.ingress.kubernetes.io/affinity") == "cookie";
                controller.ServedIngresses.Add(ingress.Key);
                controller.RouteCount += ingress.Spec.Rules.Sum(r => r.Http?.Paths.Count ?? 0);
                foreach (var backend in Backends(ingress))
                    if (cluster.TryGetService(backend, out var service))
                    {
                        controller.ServedServices.Add(service.Id);
                        service.CookieAffinity |= cookieAffinity;
                    }
            }
        }
        return cluster;
    }

    /// <summary>
    /// The Ingresses a controller serves: its class by name, or no class when its class is the default
    /// (the DefaultIngressClass admission plugin fills it in) — what its sync loop watches.
    /// </summary>
    private static IEnumerable<Kubernetes.Networking.Ingress> ServedIngresses(LoadedScenario scenario, IngressController controller) =>
        scenario.Manifests.OfKind<Kubernetes.Networking.Ingress>().Where(i =>
            i.Spec.IngressClassName == controller.Spec.ClassName || (i.Spec.IngressClassName is null && controller.Spec.DefaultClass));

    private static IEnumerable<BackendTarget> Backends(Kubernetes.Networking.Ingress ingress)
    {
        var ns = ingress.Metadata.Namespace;
        if (ingress.Spec.DefaultBackend?.Service is { } d) yield return new BackendTarget(ns, d.Name, d.Port?.Number, d.Port?.Name);
        foreach (var rule in ingress.Spec.Rules)
            foreach (var path in rule.Http?.Paths ?? [])
                if (path.Backend?.Service is { } b) yield return new BackendTarget(ns, b.Name, b.Port?.Number, b.Port?.Name);
    }

    private static List<ServiceBackend> BuildServices(LoadedScenario scenario, Engine.Randomness.RandomStreams streams)
    {
        var deployments = scenario.Manifests.OfKind<Deployment>().ToList();
        var services = new List<ServiceBackend>();
        foreach (var service in scenario.Manifests.OfKind<Service>())
        {
            var meta = service.Metadata;
            var deployment = deployments.FirstOrDefault(d => Selects(service, d));
            var workload = PodTemplateTiming.Apply(scenario.WorkloadOf(meta.Namespace, meta.Name), deployment);
            var sampler = DurationSamplers.For(workload.ServiceTime, streams.For($"service/{meta.Namespace}/{meta.Name}/service-time"));
            double cpuRequest = deployment is null ? 0 : CpuRequestCores(deployment);
            services.Add(new ServiceBackend(services.Count, service.Key, workload, sampler, cpuRequest));
        }
        return services;
    }

    /// <summary>
    /// One pod per Deployment replica, in each Service whose selector matches its template labels;
    /// pods are spread over the nodes in turn (the scheduler's spreading, without its scoring).
    /// </summary>
    private static List<Pod> BuildPods(LoadedScenario scenario, Simulation simulation, List<ServiceBackend> services, StationRelay relay)
    {
        var serviceObjects = scenario.Manifests.OfKind<Service>().ToList();
        var pods = new List<Pod>();
        int nodes = scenario.Spec.Cluster.Nodes;
        foreach (var deployment in scenario.Manifests.OfKind<Deployment>())
        {
            var backends = serviceObjects.Select((s, i) => (s, i)).Where(x => Selects(x.s, deployment)).Select(x => services[x.i]).ToList();
            if (backends.Count == 0) continue; // no Service selects it: no request can reach it
            int replicas = deployment.Spec.Replicas ?? 1; // apps/v1 default
            foreach (var backend in backends)
            {
                backend.Deployment ??= deployment;
                backend.DesiredReplicas = replicas;
            }
            for (int r = 0; r < replicas; r++)
            {
                var name = $"{deployment.Metadata.Name}-{r.ToString(CultureInfo.InvariantCulture)}";
                var pod = new Pod(simulation, pods.Count, name, pods.Count % nodes, backends[0].Workload.Concurrency, relay);
                pods.Add(pod);
                foreach (var backend in backends) backend.Add(pod);
            }
        }
        return pods;
    }

    private static bool Selects(Service service, Deployment deployment) =>
        service.Metadata.Namespace == deployment.Metadata.Namespace
        && service.Spec.Selector.Count > 0
        && service.Spec.Selector.All(kv => deployment.Spec.Template.Metadata.Labels.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static double CpuRequestCores(Deployment deployment) =>
        deployment.Spec.Template.Spec.Containers
            .Select(c => c.Resources.Requests.TryGetValue("cpu", out var cpu) && Kubernetes.Apps.CpuQuantity.TryParseMillicores(cpu, out long millicores) ? millicores / 1000.0 : 0)
            .Sum();

    private static TrafficSource BuildSource(int id, TrafficSourceSpec spec, LoadedScenario scenario, List<IngressController> controllers,
        List<ServiceBackend> services, Engine.Randomness.RandomStreams streams)
    {
        string[] hosts = spec.Host is { } host ? [host] : FleetHosts(scenario.Spec.Cluster.Fleets.First(f => f.Name == spec.Fleet));
        string scheme = spec.Tls.Version == TlsVersion.None ? "http" : "https";
        double totalWeight = spec.Requests.Sum(r => r.Weight);
        var targets = new List<TrafficTarget>();
        foreach (var h in hosts)
            foreach (var request in spec.Requests)
            {
                var routeRequest = new RouteRequest
                {
                    Host = h,
                    Target = request.Path,
                    Method = request.Method,
                    Scheme = scheme,
                    Headers = request.Headers.Select(kv => new HttpField(kv.Key, kv.Value)).ToArray(),
                    Cookies = request.Cookies.Select(kv => new HttpField(kv.Key, kv.Value)).ToArray(),
                };
                var (controller, series) = Resolve(routeRequest, controllers, services);
                targets.Add(new TrafficTarget(routeRequest, controller, request.Weight / totalWeight / hosts.Length, series));
            }
        var arrivals = ArrivalProcess.From(spec.Rate, scenario.RateSeries, Engine.Time.Instant.Zero + scenario.Spec.Duration, spec.Visits?.Requests ?? 1);
        return new TrafficSource(id, spec, arrivals, targets.ToArray(), streams);
    }

    private static string[] FleetHosts(FleetSpec fleet) => Enumerable.Range(1, fleet.Count).Select(fleet.HostOf).ToArray();

    /// <summary>
    /// Which controller's load balancer a host resolves to (DNS points each host at the controller
    /// that serves it; the first controller when none does), and the Service the request usually reaches.
    /// </summary>
    private static (int Controller, int Series) Resolve(in RouteRequest request, List<IngressController> controllers, List<ServiceBackend> services)
    {
        int unrouted = services.Count;
        // A dry run on a throw-away stream: resolving must not consume the run's routing numbers.
        var probe = new Engine.Randomness.RandomStream(0, "resolve");
        foreach (var controller in controllers)
        {
            var result = controller.Router.Route(in request, probe);
            if (result.Status == 404) continue;
            int series = result.Backend is { } b ? services.FindIndex(s => s.Key == $"{b.Namespace}/{b.Service}") : -1;
            return (controller.Id, series >= 0 ? series : unrouted);
        }
        return (0, unrouted);
    }
}

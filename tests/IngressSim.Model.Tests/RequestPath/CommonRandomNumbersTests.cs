using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IngressSim.Model.Running;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Tests.RequestPath;

/// <summary>
/// Common random numbers: arrivals draw from their own stream, so a variant that changes only the
/// controller (replicas, CPU, data plane, balancing) sees exactly the same arrival instants as the base —
/// even when the change makes requests time out and retry differently. A variant that changes the
/// traffic is the control: its arrivals differ, so the recorder would notice a difference.
/// </summary>
public class CommonRandomNumbersTests
{
    private const string Variants = """
        more-replicas:
          set:
            cluster.controllers[ingress-nginx].replicas: 5
        one-core:
          set:
            cluster.controllers[ingress-nginx].cpu: "1"
        slow-proxy:
          set:
            cluster.controllers[ingress-nginx].costs.request: 20ms
        envoy:
          set:
            cluster.controllers[ingress-nginx].kind: envoy
        ewma:
          set:
            cluster.controllers[ingress-nginx].loadBalance: ewma
        more-traffic:
          set:
            traffic.sources[clients].rate: {constant: 600/s}
    """;

    private static PathScenario Scenario(int seed) => new()
    {
        Seed = seed,
        Duration = "2s",
        Rate = "{constant: 400/s}",
        Timeout = "150ms",
        Retry = "count: 2, backoff: 10ms",
        Variants = Variants,
    };

    private static (List<(long, long)> Arrivals, ScenarioRun Run, long Retries) Arrivals(PathScenario scenario, string? variant)
    {
        var run = new ScenarioRun(scenario.Load(variant));
        var recorder = new ArrivalRecorder();
        run.Simulation.Observer = recorder;
        var result = run.Execute(new RowCollector());
        return (recorder.Arrivals, run, result.Retries);
    }

    private static bool Applied(string variant, ScenarioRun run) => variant switch
    {
        "more-replicas" => run.Cluster.Replicas.Count == 5,
        "one-core" => run.Cluster.Controllers[0].Workers == 1,
        "slow-proxy" => run.Cluster.Controllers[0].Spec.Costs.Request == Engine.Time.Duration.FromMilliseconds(20),
        "envoy" => run.Cluster.Controllers[0].Spec.Kind == ControllerKind.Envoy,
        "ewma" => run.Cluster.Controllers[0].Spec.LoadBalance == LoadBalanceAlgorithm.Ewma,
        _ => false,
    };

    [Property(MaxTest = 12)]
    public Property Execute_ControllerOnlyVariant_LeavesTheArrivalSequenceUnchanged(PositiveInt seed) =>
        Prop.ForAll(Gen.Elements("more-replicas", "one-core", "slow-proxy", "envoy", "ewma").ToArbitrary(), variant =>
        {
            var scenario = Scenario(seed.Get % 100_000);
            var (baseArrivals, baseRun, _) = Arrivals(scenario, null);
            var (variantArrivals, variantRun, _) = Arrivals(scenario, variant);
            return (baseArrivals.Count > 300).Label($"only {baseArrivals.Count} arrivals")
                .And(Applied(variant, variantRun).Label("variant not applied"))
                .And((!Applied(variant, baseRun)).Label("base already has the variant's setting"))
                .And(baseArrivals.SequenceEqual(variantArrivals).Label("arrival sequences differ"));
        });

    [Fact]
    public void Execute_OverloadingControllerVariant_ChangesRetriesButNotArrivals()
    {
        // 20 ms of CPU per request on 2 × 2 workers at 400/s: the replicas saturate and clients time out and retry.
        var scenario = Scenario(3);
        var (baseArrivals, _, baseRetries) = Arrivals(scenario, null);
        var (variantArrivals, _, variantRetries) = Arrivals(scenario, "slow-proxy");

        Assert.True(variantRetries > baseRetries + 100, $"retries {baseRetries} → {variantRetries}"); // the change reached the request path...
        Assert.Equal(baseArrivals, variantArrivals);  // ...and the clients' schedule did not move
    }

    [Fact]
    public void Execute_TrafficVariant_ChangesTheArrivalSequence()
    {
        var scenario = Scenario(3);
        var (baseArrivals, _, _) = Arrivals(scenario, null);
        var (variantArrivals, _, _) = Arrivals(scenario, "more-traffic");

        Assert.NotEqual(baseArrivals, variantArrivals);
        Assert.True(variantArrivals.Count > baseArrivals.Count);
    }
}

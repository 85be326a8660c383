using IngressSim.Engine.Time;
using IngressSim.Kubernetes.Apps;
using IngressSim.Model.Running;
using IngressSim.Scenarios.Cluster;

namespace IngressSim.Model.Tests.Running;

public class PodTemplateTimingTests
{
    private static readonly WorkloadSpec Workload = new()
    {
        TerminationGracePeriod = Duration.FromSeconds(30),
        PreStopSleep = Duration.FromSeconds(2),
        ReadinessProbe = new ReadinessProbeSpec { Period = Duration.FromSeconds(10), Timeout = Duration.FromSeconds(1), FailureThreshold = 3 },
    };

    private static Deployment With(PodSpec pod) => new() { Spec = new DeploymentSpec { Template = new PodTemplateSpec { Spec = pod } } };

    [Fact]
    public void Apply_ManifestStatesTiming_ManifestWins()
    {
        var deployment = With(new PodSpec
        {
            TerminationGracePeriodSeconds = 60,
            Containers =
            [
                new Container { Name = "app", Lifecycle = new Lifecycle { PreStop = new LifecycleHandler { Sleep = new SleepAction { Seconds = 5 } } }, ReadinessProbe = new Probe { PeriodSeconds = 2 } },
                new Container { Name = "sidecar", Lifecycle = new Lifecycle { PreStop = new LifecycleHandler { Sleep = new SleepAction { Seconds = 12 } } } },
            ],
        });

        var applied = PodTemplateTiming.Apply(Workload, deployment);

        Assert.Equal(Duration.FromSeconds(60), applied.TerminationGracePeriod);
        Assert.Equal(Duration.FromSeconds(12), applied.PreStopSleep); // the slowest container's hook
        Assert.Equal(Duration.FromSeconds(2), applied.ReadinessProbe.Period);
        Assert.Equal(Duration.FromSeconds(1), applied.ReadinessProbe.Timeout); // unstated: the workload's
        Assert.Equal(3, applied.ReadinessProbe.FailureThreshold);
    }

    [Fact]
    public void Apply_ManifestSilent_KeepsTheWorkload()
    {
        var applied = PodTemplateTiming.Apply(Workload, With(new PodSpec { Containers = [new Container { Name = "app" }] }));

        Assert.Equal(Workload, applied);
        Assert.Same(Workload, PodTemplateTiming.Apply(Workload, deployment: null));
    }
}

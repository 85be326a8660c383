using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;
using IngressSim.Model.Clients;
using IngressSim.Model.CloudLoadBalancer;
using IngressSim.Model.Controllers.RateLimiting;
using IngressSim.Model.Controllers.Upstreams;
using IngressSim.Model.KubeProxy;
using IngressSim.Model.Tls;
using IngressSim.Scenarios.Cluster;
using IngressSim.Scenarios.Traffic;
using IngressSim.Scenarios.Units;

namespace IngressSim.Model.Tests;

/// <summary>Per-request methods allocate nothing once their tables have grown to the working set.</summary>
public class HotPathAllocationTests
{
    // The endpoints a request already tried, as the pipeline keeps them (a collection expression at the call would allocate).
    private static readonly int[] Tried = [1];

    private static long AllocatedBy(Action<int> step)
    {
        for (int i = 0; i < 2000; i++) step(i); // warm up: JIT, tables grow to the working set
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20_000; i++) step(i);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Fact]
    public void RequestPathMechanisms_AllocateNothingPerCall()
    {
        var random = new RandomStream(1, "hot");
        var arrivals = new ArrivalProcess(new DiurnalRate(new DiurnalSpec { Mean = new Rate(1000) }), Instant.MaxValue);
        var now = Instant.Zero;
        var mix = new RequestMix([1.0, 2.0, 3.0]);
        var sessions = new TlsSessionCache(100, Duration.FromSeconds(1));
        var limits = new RequestRateLimits(new LimitConn(10, 503), LimitReq.PerMinute(600, 5, 503), LimitReq.PerSecond(10, 5, 503));
        var roundRobin = new RoundRobinBalancer();
        roundRobin.SetEndpoints([1, 2, 3], random);
        var ewma = new EwmaBalancer();
        ewma.SetEndpoints([1, 2, 3, 4], Instant.Zero);
        var pool = new UpstreamKeepAlivePool(50, Duration.FromSeconds(60), 10000);
        var proxy = new KubeProxyRules(new KubeProxySpec(), [[1, 2, 3]], Duration.Zero);
        proxy.SetSessionAffinity(0, KubeProxyRules.DefaultAffinityTimeout);
        var latency = FirstPacketLatency.For(KubeProxyMode.Iptables, 10_000);
        var lb = FlowHashBalancer.From(new HealthCheckSpec(), 3, random);

        long bytes = AllocatedBy(i =>
        {
            now = arrivals.Next(now, random) ?? now;
            mix.Next(random);
            long client = i % 200;
            if (!sessions.TryResume(client, now)) sessions.Store(client, now);
            if (limits.Admit(client, now).Admitted) limits.Release(client);
            roundRobin.Pick();
            int endpoint = ewma.Pick(now, random, Tried);
            ewma.Observe(endpoint, Duration.FromMilliseconds(5), now);
            if (!pool.TryTake(endpoint, now, out var connection)) connection = UpstreamConnection.Fresh(endpoint);
            pool.Return(connection, now);
            proxy.Pick(0, client, now, random);
            latency.Sample(random);
            lb.Pick(client, now, random);
        });
        Assert.Equal(0, bytes);
    }
}

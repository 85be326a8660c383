using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IngressSim.Engine.Randomness;
using IngressSim.Model.Controllers.Upstreams;

namespace IngressSim.Model.Tests.Upstreams;

public class RoundRobinBalancerTests
{
    [Fact]
    public void Pick_CyclesThroughTheListInOrder()
    {
        var balancer = new RoundRobinBalancer();
        balancer.SetEndpoints([10, 20, 30], new RandomStream(1, "rr"));
        int first = balancer.Pick();
        int start = Array.IndexOf(new[] { 10, 20, 30 }, first);
        for (int i = 1; i < 7; i++) Assert.Equal(new[] { 10, 20, 30 }[(start + i) % 3], balancer.Pick());
    }

    [Fact]
    public void SetEndpoints_SameList_KeepsPositionWithoutDrawing()
    {
        var balancer = new RoundRobinBalancer();
        var random = new RandomStream(1, "rr");
        balancer.SetEndpoints([1, 2, 3, 4], random);
        int a = balancer.Pick();
        var reference = new RandomStream(1, "rr");
        reference.NextBounded(4);
        balancer.SetEndpoints([1, 2, 3, 4], random);
        Assert.Equal(a % 4 + 1, balancer.Pick());
        Assert.Equal(reference.NextUInt64(), random.NextUInt64());
    }

    [Fact]
    public void SetEndpoints_ChangedList_OnlyPicksCurrentEndpoints()
    {
        var balancer = new RoundRobinBalancer();
        var random = new RandomStream(2, "rr");
        balancer.SetEndpoints([1, 2, 3], random);
        balancer.Pick();
        balancer.SetEndpoints([4, 5], random);
        for (int i = 0; i < 10; i++) Assert.Contains(balancer.Pick(), new[] { 4, 5 });
        balancer.SetEndpoints([], random);
        Assert.Equal(-1, balancer.Pick());
    }

    [Fact]
    public void SetEndpoints_RandomStart_SpreadsWorkersOverEndpoints()
    {
        var firsts = new int[5];
        var random = new RandomStream(3, "rr");
        for (int w = 0; w < 5000; w++)
        {
            var worker = new RoundRobinBalancer();
            worker.SetEndpoints([0, 1, 2, 3, 4], random);
            firsts[worker.Pick()]++;
        }
        Assert.All(firsts, n => Assert.InRange(n, 1000 - 4 * 28, 1000 + 4 * 28));
    }

    [Property(MaxTest = 200)]
    public bool Pick_FullCycle_EachEndpointExactlyOnce(PositiveInt n, PositiveInt seed, NonNegativeInt offset)
    {
        int count = n.Get % 50 + 1;
        var endpoints = Enumerable.Range(100, count).ToArray();
        var balancer = new RoundRobinBalancer();
        balancer.SetEndpoints(endpoints, new RandomStream((ulong)seed.Get, "rr"));
        for (int i = 0; i < offset.Get % 100; i++) balancer.Pick();
        var seen = new HashSet<int>();
        for (int i = 0; i < count; i++) seen.Add(balancer.Pick());
        return seen.SetEquals(endpoints);
    }
}

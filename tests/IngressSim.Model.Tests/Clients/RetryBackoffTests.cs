using IngressSim.Engine.Time;
using IngressSim.Model.Clients;
using IngressSim.Scenarios.Traffic;

namespace IngressSim.Model.Tests.Clients;

public class RetryBackoffTests
{
    [Fact]
    public void Delay_DoublesFromBackoffUntilTheCap()
    {
        var retry = new RetryBackoff(new RetryPolicySpec { Count = 6, Backoff = Duration.FromMilliseconds(100), Multiplier = 2, MaxBackoff = Duration.FromSeconds(1) });
        Assert.Equal(6, retry.MaxRetries);
        long[] expectedMs = [100, 200, 400, 800, 1000, 1000];
        for (int k = 1; k <= 6; k++) Assert.Equal(Duration.FromMilliseconds(expectedMs[k - 1]), retry.Delay(k));
    }

    [Fact]
    public void Delay_OutsideTheRetries_Throws()
    {
        var retry = new RetryBackoff(new RetryPolicySpec { Count = 2 });
        Assert.Throws<ArgumentOutOfRangeException>(() => retry.Delay(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => retry.Delay(3));
    }

    [Fact]
    public void RetriesStatus_DefaultsAre502To504()
    {
        var retry = new RetryBackoff(new RetryPolicySpec { Count = 1 });
        Assert.True(retry.RetriesStatus(503));
        Assert.False(retry.RetriesStatus(500));
        Assert.False(retry.RetriesStatus(404));
    }
}

using IngressSim.Experiments.Replications;

namespace IngressSim.Experiments.Tests.Comparison;

public sealed class ReplicationRuleTests
{
    [Fact]
    public void Fixed_RunsExactlyThatMany()
    {
        var rule = ReplicationRule.Fixed(5);

        Assert.Equal(5, rule.Next(0, double.PositiveInfinity));
        Assert.Equal(5, rule.Next(5, double.PositiveInfinity));
    }

    [Fact]
    public void UntilPrecision_StartsWithThree()
    {
        var rule = ReplicationRule.UntilPrecision(0.02);

        Assert.Equal(3, rule.Next(0, double.PositiveInfinity));
        Assert.Equal(ReplicationRule.PrecisionMaximum, rule.Maximum);
    }

    [Fact]
    public void UntilPrecision_Reached_Stops()
    {
        var rule = ReplicationRule.UntilPrecision(0.02);

        Assert.Equal(3, rule.Next(3, 0.02));
        Assert.Equal(7, rule.Next(7, 0.001));
    }

    [Theory]
    [InlineData(4, 0.021, 5)]  // 4 · (0.021/0.02)² = 4.41 → 5
    [InlineData(8, 0.03, 16)]  // 8 · 2.25 = 18 → at most a doubling
    [InlineData(10, 0.0201, 11)] // barely over: at least one more
    public void UntilPrecision_NotReached_ProjectsFromTheSquareRootLaw(int current, double worst, int expected) =>
        Assert.Equal(expected, ReplicationRule.UntilPrecision(0.02).Next(current, worst));

    [Fact]
    public void UntilPrecision_NeverPassesTheCap()
    {
        var rule = ReplicationRule.UntilPrecision(0.02, maximum: 12);

        Assert.Equal(12, rule.Next(8, 1.0));
        Assert.Equal(12, rule.Next(12, 1.0));
        Assert.Equal(12, rule.Next(6, double.PositiveInfinity));
    }
}

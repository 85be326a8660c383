using IngressSim.Engine.Time;

namespace IngressSim.Engine.Tests;

public class DurationTests
{
    [Theory]
    [InlineData("250ms", 250_000_000L)]
    [InlineData("5s", 5_000_000_000L)]
    [InlineData("1.5s", 1_500_000_000L)]
    [InlineData("1h", 3_600_000_000_000L)]
    [InlineData("1d", 86_400_000_000_000L)]
    [InlineData("1h30m", 5_400_000_000_000L)]
    [InlineData("10us", 10_000L)]
    [InlineData("120ns", 120L)]
    [InlineData(" 2m ", 120_000_000_000L)]
    public void Parse_WrittenDuration_GivesNanoseconds(string text, long expected) =>
        Assert.Equal(expected, Duration.Parse(text).Nanoseconds);

    [Theory]
    [InlineData("5", "no unit")]
    [InlineData("5 parsecs", "unknown time unit")]
    [InlineData("abc", "not a duration")]
    [InlineData("", "expected a duration")]
    [InlineData("0.5ns", "finer than a nanosecond")]
    [InlineData("999999999d", "too long")]
    public void TryParse_BadText_ExplainsWhy(string text, string fragment)
    {
        Assert.False(Duration.TryParse(text, out _, out var error));
        Assert.Contains(fragment, error);
    }

    [Theory]
    [InlineData(250_000_000L, "250ms")]
    [InlineData(5_000_000_000L, "5s")]
    [InlineData(1_500_000_000L, "1500ms")]
    [InlineData(7_200_000_000_000L, "2h")]
    [InlineData(0L, "0s")]
    public void ToString_RoundTripsThroughParse(long ns, string expected)
    {
        var d = Duration.FromNanoseconds(ns);
        Assert.Equal(expected, d.ToString());
        Assert.Equal(d, Duration.Parse(d.ToString()));
    }

    [Fact]
    public void Arithmetic_Overflow_Throws() =>
        Assert.Throws<OverflowException>(() => Duration.MaxValue + Duration.FromNanoseconds(1));

    [Fact]
    public void FromSecondsRounded_RoundsToNearestNanosecond() =>
        Assert.Equal(1_000_000_001L, Duration.FromSecondsRounded(1.0000000006).Nanoseconds);

    [Fact]
    public void Instant_ClockString_IsReadable() =>
        Assert.Equal("T+01:02:03.250", (Instant.Zero + Duration.Parse("1h2m3s250ms")).ToClockString());
}

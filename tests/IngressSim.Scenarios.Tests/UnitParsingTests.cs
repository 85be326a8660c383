using IngressSim.Scenarios.Units;

namespace IngressSim.Scenarios.Tests;

public class UnitParsingTests
{
    [Theory]
    [InlineData("100/s", 100.0)]
    [InlineData("10k/s", 10_000.0)]
    [InlineData("2.5M/s", 2_500_000.0)]
    [InlineData("2/min", 2.0 / 60)]
    [InlineData("0.3/s", 0.3)]
    [InlineData("3600/h", 1.0)]
    [InlineData("86400/day", 1.0)]
    [InlineData(" 12 / sec ", 12.0)]
    public void Rate_Parse_GivesEventsPerSecond(string text, double perSecond)
    {
        Assert.True(Rate.TryParse(text, out var rate, out var error), error);
        Assert.Equal(perSecond, rate.PerSecond, 15);
    }

    [Fact]
    public void Rate_500PerDay_IsExactDivision()
    {
        Assert.Equal(500.0 / 86_400.0, Rate.Parse("500/day").PerSecond);
    }

    [Theory]
    [InlineData("100", "no time unit")]
    [InlineData("10x/s", "unknown magnitude 'x'")]
    [InlineData("5/week", "unknown time unit 'week'")]
    [InlineData("fast/s", "not a rate")]
    [InlineData("", "not a rate")]
    public void Rate_Invalid_ExplainsWhy(string text, string expected)
    {
        Assert.False(Rate.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("500m", 500)]
    [InlineData("2", 2000)]
    [InlineData("1.5", 1500)]
    [InlineData("0.1", 100)]
    public void CpuQuantity_Parse_GivesMillicores(string text, long millicores)
    {
        Assert.True(CpuQuantity.TryParse(text, out var cpu, out var error), error);
        Assert.Equal(millicores, cpu.Millicores);
    }

    [Theory]
    [InlineData("0.5m", "finer than one millicore")]
    [InlineData("2 cores", "unknown CPU unit")]
    public void CpuQuantity_Invalid_ExplainsWhy(string text, string expected)
    {
        Assert.False(CpuQuantity.TryParse(text, out _, out var error));
        Assert.Contains(expected, error);
    }

    [Fact]
    public void Percentage_Parse_GivesFraction()
    {
        Assert.True(Percentage.TryParse("10%", out var p, out _));
        Assert.Equal(0.1, p.Fraction, 15);
        Assert.True(Percentage.TryParse("0.5 %", out p, out _));
        Assert.Equal(0.005, p.Fraction, 15);
    }

    [Fact]
    public void Percentage_BareNumber_AsksForPercentSign()
    {
        Assert.False(Percentage.TryParse("0.1", out _, out var error));
        Assert.Contains("0.1%", error);
        Assert.Contains("10.0%", error);
    }

    [Theory]
    [InlineData("10Mi", 10L << 20)]
    [InlineData("512Ki", 512L << 10)]
    [InlineData("1G", 1_000_000_000L)]
    [InlineData("4096", 4096L)]
    public void ByteSize_Parse_GivesBytes(string text, long bytes)
    {
        Assert.True(ByteSize.TryParse(text, out var size, out var error), error);
        Assert.Equal(bytes, size.Bytes);
    }

    [Fact]
    public void ByteSize_UnknownUnit_ListsUnits()
    {
        Assert.False(ByteSize.TryParse("10MB", out _, out var error));
        Assert.Contains("Mi", error);
    }

    [Fact]
    public void ToString_RoundTrips()
    {
        Assert.Equal("0.3/s", Rate.Parse("0.3/s").ToString());
        Assert.True(CpuQuantity.TryParse("250m", out var cpu, out _));
        Assert.Equal("250m", cpu.ToString());
        Assert.Equal("2", CpuQuantity.FromCores(2).ToString());
        Assert.Equal("10Mi", new ByteSize(10L << 20).ToString());
        Assert.Equal("12.5%", new Percentage(0.125).ToString());
    }
}

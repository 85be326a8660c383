using IngressSim.Model.Metrics;
using IngressSim.Reporting.Plots;
using SkiaSharp;

namespace IngressSim.Reporting.Tests;

public class PlotTests
{
    private static readonly RunResult Result = SyntheticRun.Create(seconds: 120);

    public static TheoryData<string> Plots => ["latency", "status", "cdf"];

    private static byte[] Render(string plot, RunResult result) => plot switch
    {
        "latency" => LatencyOverTimePlot.Render(result),
        "status" => StatusCodesOverTimePlot.Render(result),
        _ => LatencyCdfPlot.Render(result),
    };

    [Theory, MemberData(nameof(Plots))]
    public void Png_IsNotBlank_HasATitleAndColouredData(string plot)
    {
        using var bitmap = SKBitmap.Decode(Render(plot, Result));

        Assert.True(bitmap.Width >= 1200 && bitmap.Height >= 600);
        int titleInk = 0, coloured = 0;
        for (int y = 0; y < bitmap.Height; y++)
            for (int x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                int max = Math.Max(c.Red, Math.Max(c.Green, c.Blue)), min = Math.Min(c.Red, Math.Min(c.Green, c.Blue));
                if (y < 35 && max < 100) titleInk++; // the band above the data area holds only the title's glyphs
                if (max - min > 100) coloured++;      // saturated pixels: the data lines
            }
        Assert.True(titleInk > 100, $"{titleInk} dark pixels in the title band: no text rendered?");
        Assert.True(coloured > 2_000, $"{coloured} coloured pixels: no data drawn?");
    }

    [Theory, MemberData(nameof(Plots))]
    public void Png_TwoRendersOfTheSameResult_AreByteIdentical(string plot) =>
        Assert.Equal(Render(plot, Result), Render(plot, Result));

    [Theory, MemberData(nameof(Plots))]
    public void Png_IsTheSameUnderGermanAndUsCulture(string plot) =>
        Assert.Equal(Cultures.With("en-US", () => Render(plot, Result)), Cultures.With("de-DE", () => Render(plot, Result)));

    [Fact]
    public void Text_IsRendered_TitleChangesTheImage()
    {
        // Only text differs between these two results: if fonts failed to load, the PNGs would be equal.
        var renamed = Result with { Run = Result.Run with { Variant = "all-fixes" } };
        Assert.NotEqual(LatencyCdfPlot.Render(Result), LatencyCdfPlot.Render(renamed));
    }

    [Theory, MemberData(nameof(Plots))]
    public void Png_OfARunWithoutRequests_StillRenders(string plot)
    {
        var recorder = new MetricsRecorder(["a"], [], IngressSim.Engine.Time.Instant.FromSeconds(30), new CollectingSink());
        var empty = recorder.Finish(new RunIdentity("idle", "base", 1), 0, 0);

        using var bitmap = SKBitmap.Decode(Render(plot, empty));

        Assert.NotNull(bitmap);
    }
}

using IngressSim.Experiments.Comparison;
using IngressSim.Reporting.Comparison;
using IngressSim.Reporting.Tests;

namespace IngressSim.Experiments.Tests.Reporting;

/// <summary>The comparison folder's files over one shared four-replication comparison of the fixture.</summary>
public sealed class ComparisonExporterTests : IDisposable
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private readonly string _root = Directory.CreateTempSubdirectory("ingress-sim-compare-tests-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static ComparisonResult Result => SmallScenario.FourReplications;

    private static byte[] Exported(IComparisonExporter exporter)
    {
        using var bytes = new MemoryStream();
        exporter.Export(Result, bytes);
        return bytes.ToArray();
    }

    [Fact]
    public void Csv_HasOneRowPerVariantAndPhase_WithTheDifferenceOnlyForVariants()
    {
        var lines = System.Text.Encoding.UTF8.GetString(Exported(new ComparisonCsvExporter())).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(string.Join(',', ComparisonCsvExporter.Headers), lines[0]);
        Assert.Equal(
            ["base,warm", "base,steady", "base,whole run", "unchanged,warm", "unchanged,steady", "unchanged,whole run",
             "slow-shop,warm", "slow-shop,steady", "slow-shop,whole run"],
            lines.Skip(1).Select(l => string.Join(',', l.Split(',')[..2])));
        var cells = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.All(cells, c => Assert.Equal("4", c[2]));
        Assert.All(cells[..3], c => Assert.Equal(["", "", ""], c[^3..]));
        Assert.All(cells[3..6], c => Assert.Equal(["0", "0", "false"], c[^3..]));
        Assert.All(cells[6..], c => Assert.Equal("true", c[^1]));
    }

    [Fact]
    public void Json_NamesTheSeedsAndIntervals()
    {
        var json = System.Text.Json.Nodes.JsonNode.Parse(Exported(new ComparisonJsonExporter()))!;

        Assert.Equal("compare-small", (string?)json["scenario"]);
        Assert.Equal(0.95, (double)json["confidenceLevel"]!);
        var slow = json["variants"]![2]!;
        Assert.Equal("slow-shop", (string?)slow["name"]);
        Assert.Equal(Result.Variants[2].Seeds, slow["seeds"]!.AsArray().Select(s => (ulong)s!));
        var steady = slow["phases"]![1]!;
        var p99 = Result.Variants[2].Phases[1].P99Ms;
        Assert.Equal(p99.Mean, (double)steady["p99Ms"]!["mean"]!);
        Assert.Equal(p99.Lower, (double)steady["p99Ms"]!["lower"]!);
        Assert.True((bool)steady["significant"]!);
        Assert.Null(json["variants"]![0]!["wholeRun"]!["p99VsBaseMs"]);
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("en-US")]
    public void TextFiles_AreTheSameBytesUnderAnyCulture(string culture)
    {
        foreach (IComparisonExporter exporter in new IComparisonExporter[] { new ComparisonJsonExporter(), new ComparisonCsvExporter() })
            Assert.Equal(Cultures.With("", () => Exported(exporter)), Cultures.With(culture, () => Exported(exporter)));
    }

    [Fact]
    public void Writer_PublishesTheFourFilesAtomically_ReplacingAnOlderComparison()
    {
        string target = ComparisonWriter.DefaultDirectory(_root, Result.Scenario);
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "stale.txt"), "from an older comparison");

        string written = ComparisonWriter.Write(target, Result);

        Assert.Equal(Path.GetFullPath(target), written);
        Assert.Equal(["compare-p99-bars.png", "compare-p99-over-time.png", "comparison.csv", "comparison.json"],
            Directory.GetFiles(target).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(["compare"], Directory.GetFileSystemEntries(Path.GetDirectoryName(target)!).Select(Path.GetFileName));
        foreach (var png in Directory.GetFiles(target, "*.png"))
        {
            var bytes = File.ReadAllBytes(png);
            Assert.Equal(PngSignature, bytes[..8]);
            Assert.True(bytes.Length > 10_000, $"{png}: {bytes.Length} bytes");
        }
    }
}

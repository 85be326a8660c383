using IngressSim.Experiments.Comparison;
using IngressSim.Reporting.Comparison;
using IngressSim.Reporting.Html.Contracts;

namespace IngressSim.Reporting.Html;

/// <summary>A PNG of the folder, with its pixel size (read from its header, so the page does not reflow as it loads).</summary>
internal sealed record ReportImage(string FileName, byte[] Png, int Width, int Height);

/// <summary>
/// Everything the report shows, read from a results folder alone (so the report can be made later, by
/// someone who did not run it): a run's <c>summary.json</c> or a comparison's <c>comparison.json</c>, its
/// plots, and the optional parts — narrative, scenario file, diagnostics — each null when absent.
/// </summary>
internal sealed record ReportFolder(
    SummaryDocument? Run,
    ComparisonResult? Comparison,
    IReadOnlyList<ReportImage> Plots,
    IReadOnlyList<NarrativeEntry>? Narrative,
    IReadOnlyList<DiagnosticJson>? Diagnostics,
    string? ScenarioYaml)
{
    private const string Hint = "give the folder that 'ingress-sim run' or 'ingress-sim compare' wrote, e.g. results/black-friday-reload-storm/base";
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static ReportFolder Read(string path)
    {
        if (!Directory.Exists(path)) throw new ReportInputException($"{path}: no such folder", Hint);
        try
        {
            return ReadFiles(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportInputException($"cannot read {path}: {e.Message}", "check the folder and its permissions");
        }
    }

    private static ReportFolder ReadFiles(string path)
    {
        bool isRun = File.Exists(Path.Combine(path, "summary.json"));
        bool isComparison = File.Exists(Path.Combine(path, "comparison.json"));
        if (!isRun && !isComparison)
            throw new ReportInputException($"{path} holds neither summary.json (from run) nor comparison.json (from compare)", Hint);

        var comparison = isRun ? null : ResultJson.Read<ComparisonDocument>(path, "comparison.json", "'ingress-sim compare'");
        if (comparison is { Variants.Count: 0 })
            throw new ReportInputException("comparison.json lists no variants", "make the comparison again with 'ingress-sim compare'");
        return new ReportFolder(
            isRun ? ResultJson.Read<SummaryDocument>(path, "summary.json", "'ingress-sim run'") : null,
            comparison?.ToResult(),
            Images(path),
            Optional<NarrativeDocument>(path, NarrativeDocument.FileName, "'ingress-sim replay'")?.Entries,
            Optional<DiagnosticsDocument>(path, InputFile.Diagnostics, "'ingress-sim run' and 'compare'")?.Diagnostics,
            File.Exists(Path.Combine(path, InputFile.Scenario)) ? File.ReadAllText(Path.Combine(path, InputFile.Scenario)) : null);
    }

    private static T? Optional<T>(string folder, string fileName, string writtenBy) where T : class =>
        File.Exists(Path.Combine(folder, fileName)) ? ResultJson.Read<T>(folder, fileName, writtenBy) : null;

    /// <summary>The standard plots in the order the exporters list them, then any other PNG by name.</summary>
    private static IReadOnlyList<ReportImage> Images(string folder)
    {
        var standard = ResultsWriter.StandardExporters().Select(e => e.FileName)
            .Concat(ComparisonWriter.StandardExporters.Select(e => e.FileName))
            .ToList();
        return Directory.GetFiles(folder, "*.png")
            .Select(Path.GetFileName)
            .OrderBy(name => standard.IndexOf(name!) is var i and >= 0 ? i : int.MaxValue)
            .ThenBy(name => name, StringComparer.Ordinal)
            .Select(name => Image(folder, name!))
            .ToArray();
    }

    private static ReportImage Image(string folder, string fileName)
    {
        byte[] png = File.ReadAllBytes(Path.Combine(folder, fileName));
        // IHDR is always first: width and height are big-endian at bytes 16 and 20 (PNG spec §11.2.2).
        if (png.Length < 24 || !png.AsSpan(0, 8).SequenceEqual(PngSignature) || !png.AsSpan(12, 4).SequenceEqual("IHDR"u8))
            throw new ReportInputException($"{fileName} is not a PNG image", "remove it from the folder or make the results again");
        return new ReportImage(fileName, png,
            System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)),
            System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }
}

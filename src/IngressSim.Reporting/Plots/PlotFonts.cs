using ScottPlot;
using SkiaSharp;

namespace IngressSim.Reporting.Plots;

/// <summary>
/// The plots' font: DejaVu Sans, embedded in this assembly. ScottPlot renders PNGs with no text and no
/// error where its default font is missing (../shared/TOOLCHAIN.md), and system fonts differ between
/// machines; resolving the name from our own bytes makes text render everywhere, identically.
/// </summary>
public static class PlotFonts
{
    public const string Family = "DejaVu Sans";

    private static readonly Lazy<bool> Registered = new(() =>
    {
        Fonts.FontResolvers.Add(new EmbeddedFontResolver());
        Fonts.Default = Family;
        return true;
    });

    /// <summary>Registers the embedded font with ScottPlot once per process (idempotent, thread-safe).</summary>
    public static void EnsureRegistered() => _ = Registered.Value;

    private sealed class EmbeddedFontResolver : IFontResolver
    {
        private static readonly byte[] Regular = Load("DejaVuSans.ttf");
        private static readonly byte[] Bold = Load("DejaVuSans-Bold.ttf");

        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? SKTypeface.FromData(SKData.CreateCopy(bold ? Bold : Regular)) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);

        private static byte[] Load(string file)
        {
            using var stream = typeof(PlotFonts).Assembly.GetManifestResourceStream($"IngressSim.Reporting.Fonts.{file}")
                ?? throw new InvalidOperationException($"embedded font {file} is missing from the assembly");
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return bytes.ToArray();
        }
    }
}

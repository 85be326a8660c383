using ScottPlot;

namespace IngressSim.Reporting.Comparison;

/// <summary>One colour per variant by plan position, the same in both comparison plots: base in near-black as the reference.</summary>
internal static class VariantColors
{
    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    public static Color Of(int variantIndex) => variantIndex == 0 ? Colors.Black.WithAlpha(.8) : Palette.GetColor(variantIndex - 1);
}

using IngressSim.Experiments.Comparison;
using IngressSim.Reporting.Comparison;

namespace IngressSim.Reporting.Html;

/// <summary>The parts of a comparison's report that come from its <c>comparison.json</c>: the variants, and a table per phase with CIs and paired differences.</summary>
internal static class ComparisonSections
{
    public static IEnumerable<ReportSection> Of(ComparisonResult comparison)
    {
        yield return new("summary", "Variants", html => Variants(html, comparison));
        yield return new("phases", "Phases", html => Phases(html, comparison));
    }

    private static void Variants(HtmlBuilder html, ComparisonResult comparison)
    {
        html.Element("p", $"Every variant ran the same {comparison.Base.Replications} replications (common random numbers: replication i of each "
            + "variant sees the same arrivals), so each difference from base is paired.", "lead");
        html.Markup("<dl class=\"variants\">");
        foreach (var variant in comparison.Variants)
            html.Element("dt", variant.Name).Element("dd", variant.Description ?? (variant.Name == comparison.Base.Name ? "the scenario as written" : ""));
        html.Markup("</dl>\n");
    }

    private static void Phases(HtmlBuilder html, ComparisonResult comparison)
    {
        html.Element("p", "Read an interval as \"the true mean is in this range with 95 % confidence\"; a difference is significant when its interval excludes 0.", "lead");
        foreach (var table in ComparisonTable.For(comparison)) ReportTables.Write(html, table, table.Title);
    }
}

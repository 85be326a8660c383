using System.Text;

namespace IngressSim.Reporting.Html;

/// <summary>
/// Builds the page: <see cref="Markup"/> takes the report's own tags (literals of this assembly, never
/// input), every other method escapes what it is given, so no string from a results folder can become markup.
/// </summary>
internal sealed class HtmlBuilder
{
    private readonly StringBuilder _html = new();

    /// <summary>Trusted markup written by the report itself.</summary>
    public HtmlBuilder Markup(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlBuilder Text(string text)
    {
        _html.Append(Escape(text));
        return this;
    }

    /// <summary><c>&lt;tag class="…"&gt;text&lt;/tag&gt;</c> with the text escaped.</summary>
    public HtmlBuilder Element(string tag, string text, string? cssClass = null)
    {
        _html.Append('<').Append(tag);
        if (cssClass is not null) _html.Append(" class=\"").Append(Escape(cssClass)).Append('"');
        _html.Append('>').Append(Escape(text)).Append("</").Append(tag).Append('>');
        return this;
    }

    public override string ToString() => _html.ToString();

    /// <summary>The five characters that can end text or an attribute value; everything else is safe in UTF-8.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&#39;"); break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }
}

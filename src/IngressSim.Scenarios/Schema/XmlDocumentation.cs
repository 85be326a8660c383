using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace IngressSim.Scenarios.Schema;

/// <summary>The summaries of this assembly's XML doc file (built next to it), for schema descriptions.</summary>
internal sealed partial class XmlDocumentation
{
    private readonly Dictionary<string, string> _summaries;

    private XmlDocumentation(Dictionary<string, string> summaries) => _summaries = summaries;

    public static XmlDocumentation ForAssembly(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path)) throw new FileNotFoundException("XML documentation of the scenario types not found; it is built with the assembly", path);
        var summaries = XDocument.Load(path).Descendants("member")
            .Where(m => m.Attribute("name") is not null && m.Element("summary") is not null)
            .ToDictionary(m => m.Attribute("name")!.Value, m => Flatten(m.Element("summary")!), StringComparer.Ordinal);
        return new XmlDocumentation(summaries);
    }

    public string? Of(Type type) => _summaries.GetValueOrDefault("T:" + type.FullName?.Replace('+', '.'));

    public string? Of(PropertyInfo property) =>
        _summaries.GetValueOrDefault($"P:{property.DeclaringType!.FullName?.Replace('+', '.')}.{property.Name}");

    /// <summary>Inner text with <c>&lt;c&gt;</c> kept as backticks and <c>&lt;see cref&gt;</c> as the member name.</summary>
    private static string Flatten(XElement summary)
    {
        var parts = summary.Nodes().Select(node => node switch
        {
            XText text => text.Value,
            XElement { Name.LocalName: "c" } code => $"`{code.Value}`",
            XElement { Name.LocalName: "see" } see => see.Attribute("cref")?.Value.Split('.', ':').Last() ?? see.Value,
            XElement { Name.LocalName: "paramref" } p => p.Attribute("name")?.Value ?? "",
            XElement other => other.Value,
            _ => "",
        });
        return Whitespace().Replace(string.Concat(parts), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}

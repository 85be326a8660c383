using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Lint;

namespace IngressSim.Scenarios.Validation;

/// <summary>
/// Renders diagnostics for <c>validate</c>: compiler-style text, a JSON document, or SARIF 2.1.0
/// (what CI systems and editors import). One result model, several renderers.
/// </summary>
public static class DiagnosticFormatter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><c>file:line:col: error CODE: message</c>, then the hint indented on its own line.</summary>
    public static string Text(IEnumerable<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        foreach (var d in diagnostics)
        {
            text.Append(d).Append('\n');
            if (d.Hint is { Length: > 0 } hint) text.Append("    hint: ").Append(hint).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>e.g. <c>2 errors, 1 warning</c>.</summary>
    public static string Summary(ValidationReport report) =>
        $"{report.Errors} error{(report.Errors == 1 ? "" : "s")}, {report.Warnings} warning{(report.Warnings == 1 ? "" : "s")}";

    public static string Json(ValidationReport report)
    {
        var root = new JsonObject
        {
            ["valid"] = report.IsValid,
            ["errors"] = report.Errors,
            ["warnings"] = report.Warnings,
            ["diagnostics"] = new JsonArray([.. report.Diagnostics.Select(d => (JsonNode)new JsonObject
            {
                ["file"] = d.Location.File,
                ["line"] = d.Location.Line,
                ["column"] = d.Location.Column,
                ["severity"] = Level(d.Severity),
                ["code"] = d.Code,
                ["message"] = d.Message,
                ["hint"] = d.Hint,
            })]),
        };
        return root.ToJsonString(Indented) + "\n";
    }

    /// <summary>SARIF 2.1.0: one run, a rule per code that occurs, a result per diagnostic with its physical location.</summary>
    public static string Sarif(ValidationReport report, string toolVersion = "0.1.0")
    {
        var titles = ScenarioLinter.Rules.ToDictionary(r => r.Code, r => r.Title, StringComparer.Ordinal);
        var codes = report.Diagnostics.Select(d => d.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        var rules = codes.Select(code => (JsonNode)new JsonObject
        {
            ["id"] = code,
            ["shortDescription"] = new JsonObject { ["text"] = titles.GetValueOrDefault(code) ?? Family(code) },
        });
        var results = report.Diagnostics.Select(d =>
        {
            var physical = new JsonObject { ["artifactLocation"] = new JsonObject { ["uri"] = Uri(d.Location.File) } };
            if (d.Location.Line > 0)
                physical["region"] = new JsonObject { ["startLine"] = d.Location.Line, ["startColumn"] = Math.Max(1, d.Location.Column) };
            return (JsonNode)new JsonObject
            {
                ["ruleId"] = d.Code,
                ["ruleIndex"] = codes.IndexOf(d.Code),
                ["level"] = Level(d.Severity),
                ["message"] = new JsonObject { ["text"] = d.Hint is null ? d.Message : $"{d.Message} (hint: {d.Hint})" },
                ["locations"] = new JsonArray(new JsonObject { ["physicalLocation"] = physical }),
            };
        });
        var sarif = new JsonObject
        {
            ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
            ["version"] = "2.1.0",
            ["runs"] = new JsonArray(new JsonObject
            {
                ["tool"] = new JsonObject
                {
                    ["driver"] = new JsonObject
                    {
                        ["name"] = "ingress-sim",
                        ["version"] = toolVersion,
                        ["rules"] = new JsonArray([.. rules]),
                    },
                },
                ["results"] = new JsonArray([.. results]),
            }),
        };
        return sarif.ToJsonString(Indented) + "\n";
    }

    private static string Level(Severity severity) => severity == Severity.Error ? "error" : "warning";

    private static string Family(string code) => code[..3] switch
    {
        "SCN" => "Scenario file problem",
        "K8S" => "Kubernetes manifest problem",
        _ => "Problem",
    };

    /// <summary>Relative paths stay relative (SARIF resolves them against the run's base); absolute ones become file URIs.</summary>
    private static string Uri(string file) =>
        Path.IsPathRooted(file) ? new Uri(file).AbsoluteUri : file.Replace('\\', '/');
}

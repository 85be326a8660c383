using System.Text.Json.Nodes;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Validation;

namespace IngressSim.Scenarios.Tests;

public class FormatterTests
{
    private static readonly ValidationReport Report = new(["a.yaml"],
    [
        Diagnostic.Error("SCN011", "'abc' is not a whole number", new SourceLocation("scenarios/a.yaml", 15, 19), "write e.g. 3"),
        Diagnostic.Warning("LNT008", "controller 'nginx' has one replica", new SourceLocation("/abs/b.yaml", 3, 7)),
        Diagnostic.Error("SCN006", "file not found: c.yaml", SourceLocation.InFile("c.yaml")),
    ]);

    [Fact]
    public void Text_IsCompilerStyleWithIndentedHint()
    {
        Assert.Equal(
            "scenarios/a.yaml:15:19: error SCN011: 'abc' is not a whole number\n" +
            "    hint: write e.g. 3\n" +
            "/abs/b.yaml:3:7: warning LNT008: controller 'nginx' has one replica\n" +
            "c.yaml: error SCN006: file not found: c.yaml\n",
            DiagnosticFormatter.Text(Report.Diagnostics));
        Assert.Equal("2 errors, 1 warning", DiagnosticFormatter.Summary(Report));
    }

    [Fact]
    public void Json_ListsEveryDiagnostic()
    {
        var json = JsonNode.Parse(DiagnosticFormatter.Json(Report))!;
        Assert.False(json["valid"]!.GetValue<bool>());
        Assert.Equal(2, json["errors"]!.GetValue<int>());
        var first = json["diagnostics"]![0]!;
        Assert.Equal(("scenarios/a.yaml", 15, 19, "error", "SCN011", "write e.g. 3"),
            (first["file"]!.GetValue<string>(), first["line"]!.GetValue<int>(), first["column"]!.GetValue<int>(),
             first["severity"]!.GetValue<string>(), first["code"]!.GetValue<string>(), first["hint"]!.GetValue<string>()));
    }

    [Fact]
    public void Sarif_HasTheSarif210Shape()
    {
        var sarif = JsonNode.Parse(DiagnosticFormatter.Sarif(Report))!;
        Assert.Equal("2.1.0", sarif["version"]!.GetValue<string>());
        Assert.Equal("https://json.schemastore.org/sarif-2.1.0.json", sarif["$schema"]!.GetValue<string>());
        var run = sarif["runs"]![0]!;
        var driver = run["tool"]!["driver"]!;
        Assert.Equal("ingress-sim", driver["name"]!.GetValue<string>());
        Assert.Equal(["LNT008", "SCN006", "SCN011"], driver["rules"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        Assert.Equal("Single ingress controller replica", driver["rules"]![0]!["shortDescription"]!["text"]!.GetValue<string>());

        var results = run["results"]!.AsArray();
        Assert.Equal(3, results.Count);
        var first = results[0]!;
        Assert.Equal("SCN011", first["ruleId"]!.GetValue<string>());
        Assert.Equal(2, first["ruleIndex"]!.GetValue<int>());
        Assert.Equal("error", first["level"]!.GetValue<string>());
        Assert.Equal("'abc' is not a whole number (hint: write e.g. 3)", first["message"]!["text"]!.GetValue<string>());
        var location = first["locations"]![0]!["physicalLocation"]!;
        Assert.Equal("scenarios/a.yaml", location["artifactLocation"]!["uri"]!.GetValue<string>());
        Assert.Equal(15, location["region"]!["startLine"]!.GetValue<int>());
        Assert.Equal(19, location["region"]!["startColumn"]!.GetValue<int>());

        Assert.Equal("file:///abs/b.yaml", results[1]!["locations"]![0]!["physicalLocation"]!["artifactLocation"]!["uri"]!.GetValue<string>());
        Assert.Equal("warning", results[1]!["level"]!.GetValue<string>());
        // A file-level diagnostic has no region (SARIF requires startLine >= 1).
        Assert.Null(results[2]!["locations"]![0]!["physicalLocation"]!["region"]);
    }
}

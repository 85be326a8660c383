using System.Globalization;
using System.Text.Json.Nodes;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Schema;
using IngressSim.Scenarios.Yaml;
using Json.Schema;

namespace IngressSim.Scenarios.Tests;

public class SchemaTests
{
    private static readonly Lazy<string> Generated = new(ScenarioSchema.Generate);
    private static readonly Lazy<JsonSchema> Parsed = new(() => JsonSchema.FromText(Generated.Value));

    [Fact]
    public void CommittedSchema_IsTheGeneratedOne()
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SCHEMA") == "1") File.WriteAllText(RepoPaths.Schema, Generated.Value);
        var committed = File.Exists(RepoPaths.Schema) ? File.ReadAllText(RepoPaths.Schema) : "";
        Assert.True(committed == Generated.Value,
            "scenarios/scenario.schema.json is out of date with the scenario types. Regenerate it with:\n" +
            "  UPDATE_SCHEMA=1 dotnet test tests/IngressSim.Scenarios.Tests --filter SchemaTests.CommittedSchema_IsTheGeneratedOne");
    }

    public static TheoryData<string> Examples() => new(Directory.GetFiles(RepoPaths.Examples, "*.yaml").Select(Path.GetFileName)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_ValidatesAgainstTheSchema(string file)
    {
        var results = Evaluate(File.ReadAllText(RepoPaths.Example(file)));
        Assert.True(results.IsValid, Describe(results));
    }

    [Theory]
    [InlineData("replicas: 2", "replicas: two")]
    [InlineData("replicas: 2", "replicas: 2\n        replcas: 3")]
    [InlineData("duration: 10m", "duration: 10 minutes")]
    [InlineData("rate: {constant: 100/s}", "rate: {constant: 100/s, ramp: {from: 1/s, to: 2/s, end: 1m}}")]
    [InlineData("kind: Scenario", "kind: Deployment")]
    [InlineData("replicas: 2", "replicas: 2\n        kind: haproxy")]
    public void Schema_RejectsWhatTheLoaderRejects(string from, string to)
    {
        var text = Yaml.Valid.Replace(from, to);
        Assert.False(Yaml.Load(text).Succeeded);
        Assert.False(Evaluate(text).IsValid);
    }

    [Fact]
    public void Schema_AcceptsParameterReferencesInTypedFields()
    {
        Assert.True(Evaluate(Yaml.Valid.Replace("replicas: 2", "replicas: ${replicas}").Replace("duration: 10m", "duration: ${d}")).IsValid);
    }

    [Fact]
    public void Schema_CarriesDescriptionsDefaultsAndRanges()
    {
        var schema = JsonNode.Parse(Generated.Value)!;
        var proxy = schema["properties"]!["spec"]!["properties"]!["cluster"]!["properties"]!["controllers"]!["items"]!["properties"]!["nginx"]!["properties"]!["proxy"]!["properties"]!;
        Assert.Equal("1m", proxy["readTimeout"]!["default"]!.GetValue<string>());
        Assert.Contains("Range 1ms to 7d", proxy["readTimeout"]!["description"]!.GetValue<string>());
        var replicas = schema["properties"]!["spec"]!["properties"]!["cluster"]!["properties"]!["controllers"]!["items"]!["properties"]!["replicas"]!;
        Assert.Equal(1000, replicas["anyOf"]![0]!["maximum"]!.GetValue<double>());
        Assert.Contains("MODEL_FACTS", schema.ToJsonString());
    }

    private static EvaluationResults Evaluate(string yaml)
    {
        var schema = Parsed.Value;
        var bag = new DiagnosticBag();
        var tree = YamlTreeReader.Read(yaml, "x.yaml", bag).Single();
        Assert.False(bag.HasErrors);
        var instance = System.Text.Json.JsonSerializer.SerializeToElement(ToJson(tree));
        return schema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) =>
        string.Join("\n", (results.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));

    /// <summary>YAML → JSON as the YAML language server sees it: core-schema typing of plain scalars.</summary>
    private static JsonNode? ToJson(SourceNode node) => node switch
    {
        MappingNode m => new JsonObject(m.Entries.Select(e => KeyValuePair.Create(e.Key.Value, ToJson(e.Value)))),
        SequenceNode s => new JsonArray([.. s.Items.Select(ToJson)]),
        ScalarNode { IsNull: true } => null,
        ScalarNode { IsPlain: true, Value: "true" or "false" } b => JsonValue.Create(b.Value == "true"),
        ScalarNode { IsPlain: true } n when long.TryParse(n.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        ScalarNode { IsPlain: true } n when double.TryParse(n.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        ScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };
}

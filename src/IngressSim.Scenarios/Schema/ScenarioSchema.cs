using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Schema;

/// <summary>
/// Generates <c>scenarios/scenario.schema.json</c> from the record types the loader binds, with
/// System.Text.Json's exporter, then adapts it to how YAML is written: unit-bearing fields are
/// strings with a pattern (<see cref="ScalarKinds"/>), any scalar may be a <c>${parameter}</c>,
/// ranges and defaults come from the same attributes and initialisers the binder uses, and
/// descriptions are the records' XML doc summaries.
/// </summary>
public static class ScenarioSchema
{
    public const string SchemaId = "https://ingresssim.dev/schemas/scenario.schema.json";

    private const string ParameterPattern = @"\$\{[^}]+\}";

    public static string Generate()
    {
        var docs = XmlDocumentation.ForAssembly(typeof(ScenarioSchema).Assembly);
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        var exporter = new JsonSchemaExporterOptions
        {
            TreatNullObliviousAsNonNullable = true,
            TransformSchemaNode = (context, schema) => Transform(context, schema, docs),
        };
        var body = (JsonObject)options.GetJsonSchemaAsNode(typeof(ScenarioDocument), exporter);
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$id"] = SchemaId,
            ["title"] = "IngressSim scenario",
        };
        foreach (var (key, value) in body.ToList())
        {
            body.Remove(key);
            root[key] = value;
        }
        var properties = (JsonObject)root["properties"]!;
        properties["apiVersion"] = new JsonObject { ["const"] = ScenarioDocument.ApiVersionV1Alpha1 };
        properties["kind"] = new JsonObject { ["const"] = ScenarioDocument.ScenarioKind };
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n";
    }

    private static JsonNode Transform(JsonSchemaExporterContext context, JsonNode schema, XmlDocumentation docs)
    {
        var type = Nullable.GetUnderlyingType(context.TypeInfo.Type) ?? context.TypeInfo.Type;
        schema = ScalarSchema(type) ?? (type == typeof(YamlValue) ? new JsonObject { ["description"] = "any YAML value" } : schema);
        if (schema is JsonObject obj && type.GetCustomAttribute<OneOfAttribute>() is not null) AddOneOf(type, obj);
        if (schema is JsonObject typed && IsRecord(type) && docs.Of(type) is { } typeDoc) typed["description"] = typeDoc;
        // A property's schema is its type's schema plus what the property adds (range, default, description).
        if (context.PropertyInfo?.AttributeProvider is not PropertyInfo property) return schema;
        if (schema is not JsonObject result) return schema;
        var description = docs.Of(property);
        var kind = ScalarKinds.For(type);
        if (kind is not null && type != typeof(string) && type != typeof(bool))
        {
            var limits = property.GetCustomAttribute<LimitsAttribute>();
            var (min, max) = limits is null ? (kind.DefaultMin, kind.DefaultMax) : (limits.Min, limits.Max);
            if (kind.Pattern is null)
            {
                if (result["anyOf"] is JsonArray { Count: > 0 } alternatives && alternatives[0] is JsonObject numeric)
                {
                    numeric["minimum"] = SpecBinder.LimitMagnitude(kind, min, property);
                    numeric["maximum"] = SpecBinder.LimitMagnitude(kind, max, property);
                }
            }
            else
            {
                description = $"{description} Range {min} to {max}.".Trim();
            }
        }
        if (DefaultOf(property) is { } fallback) result["default"] = fallback;
        if (description is not null) result["description"] = description;
        return result;
    }

    /// <summary>The schema of a scalar type as YAML writes it, or null for non-scalars.</summary>
    private static JsonObject? ScalarSchema(Type type)
    {
        var parameter = new JsonObject { ["type"] = "string", ["pattern"] = ParameterPattern };
        if (type.IsEnum)
            return AnyOf(new JsonObject { ["enum"] = new JsonArray([.. SpecBinder.EnumNames(type).Keys.Select(k => (JsonNode)k)]) }, parameter);
        if (ScalarKinds.For(type) is not { } kind) return null;
        if (type == typeof(string))
            return new JsonObject { ["type"] = new JsonArray("string", "number", "boolean") };
        if (kind.Pattern is not null)
        {
            // Bare numbers are valid CPU (2) and sizes (4096); YAML reads them as numbers.
            var text = new JsonObject { ["type"] = "string", ["pattern"] = $"{kind.Pattern}|{ParameterPattern}", ["examples"] = new JsonArray(kind.Example) };
            return type.Name is "CpuQuantity" or "ByteSize" ? AnyOf(new JsonObject { ["type"] = "number", ["minimum"] = 0 }, text) : text;
        }
        var json = type == typeof(bool) ? "boolean" : type == typeof(double) ? "number" : "integer";
        return AnyOf(new JsonObject { ["type"] = json }, parameter);
    }

    private static JsonObject AnyOf(params JsonNode[] alternatives) => new() { ["anyOf"] = new JsonArray(alternatives) };

    /// <summary>Exactly one of the choice properties (those not required): <c>oneOf</c> of single-property requirements.</summary>
    private static void AddOneOf(Type type, JsonObject schema)
    {
        var choices = type.GetProperties().Where(p => p.CanWrite && p.GetCustomAttribute<RequiredMemberAttribute>() is null).Select(SpecBinder.NameOf);
        schema["oneOf"] = new JsonArray([.. choices.Select(c => (JsonNode)new JsonObject { ["required"] = new JsonArray(c) })]);
    }

    /// <summary>The initialiser's value of a scalar property, as it would be written in YAML; null when there is none to show.</summary>
    private static JsonNode? DefaultOf(PropertyInfo property)
    {
        var owner = property.DeclaringType!;
        if (owner.GetConstructor(Type.EmptyTypes) is null || property.GetCustomAttribute<RequiredMemberAttribute>() is not null) return null;
        var value = property.GetValue(Activator.CreateInstance(owner));
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return value switch
        {
            null => null,
            Enum e => SpecBinder.EnumNames(type).First(n => n.Value.Equals(e)).Key,
            bool b => b,
            int i => i,
            long l => l,
            double d => d,
            string s => s,
            _ when ScalarKinds.For(type) is not null => value.ToString(),
            _ => null,
        };
    }

    private static bool IsRecord(Type type) => type.Namespace?.StartsWith("IngressSim.Scenarios", StringComparison.Ordinal) == true && type.IsClass;
}

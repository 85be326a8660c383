using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Binding;

/// <summary>
/// Binds a <see cref="SourceNode"/> tree to the scenario's typed records, reporting every problem
/// with its position instead of stopping at the first: wrong node kinds, unparsable values, unknown
/// fields (with a did-you-mean), missing required fields, out-of-range values, broken choices.
/// YAML names are the System.Text.Json names (camelCase, or [JsonPropertyName]), the same the JSON
/// Schema is generated from. Absent fields keep the record's initialiser, which is the documented default.
/// </summary>
public sealed class SpecBinder(DiagnosticBag diagnostics)
{
    private static readonly ConcurrentDictionary<Type, RecordShape> Shapes = new();

    /// <summary>Binds <paramref name="node"/> as <typeparamref name="T"/>; null when any error was reported inside it.</summary>
    public T? Bind<T>(SourceNode node) where T : class
    {
        int before = ErrorCount();
        var value = Bind(typeof(T), node);
        return ErrorCount() == before ? value as T : null;
    }

    private object? Bind(Type type, SourceNode node)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying) type = underlying;
        if (type == typeof(YamlValue)) return new YamlValue(node);
        if (ScalarKinds.For(type) is { } kind) return BindScalar(kind, node);
        if (type.IsEnum) return BindEnum(type, node);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
            return BindList(type.GetGenericArguments()[0], node);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            return BindMap(type.GetGenericArguments()[1], node);
        return BindRecord(type, node);
    }

    private object? BindScalar(ScalarKind kind, SourceNode node)
    {
        if (node is not ScalarNode scalar)
        {
            diagnostics.Error(ScenarioCodes.WrongType, $"expected {Describe(kind.Type)}, found {node.KindName}", node.Location,
                $"write a single value such as {kind.Example}");
            return null;
        }
        if (kind.TryParse(scalar.Value, out var value, out var error)) return value;
        diagnostics.Error(ScenarioCodes.InvalidValue, error + From(scalar), scalar.Location, $"write e.g. {kind.Example}");
        return null;
    }

    private object? BindEnum(Type type, SourceNode node)
    {
        var names = EnumNames(type);
        if (node is ScalarNode scalar && names.TryGetValue(scalar.Value, out var value)) return value;
        var written = (node as ScalarNode)?.Value ?? node.KindName;
        diagnostics.Error(ScenarioCodes.InvalidValue, $"'{written}' is not one of {string.Join(", ", names.Keys)}"
            + (node is ScalarNode s ? From(s) : ""), node.Location, Suggestions.Hint(written, names.Keys.ToList()));
        return null;
    }

    private object? BindList(Type itemType, SourceNode node)
    {
        if (node is not SequenceNode sequence)
        {
            diagnostics.Error(ScenarioCodes.WrongType, $"expected a list, found {node.KindName}", node.Location,
                "write one item per line starting with '- '");
            return null;
        }
        var array = Array.CreateInstance(itemType, sequence.Items.Count);
        for (int i = 0; i < sequence.Items.Count; i++)
            if (!IsNull(sequence.Items[i]) && Bind(itemType, sequence.Items[i]) is { } item) array.SetValue(item, i);
            else if (IsNull(sequence.Items[i]))
                diagnostics.Error(ScenarioCodes.MissingField, "empty list item", sequence.Items[i].Location, "remove the lone '-' or give it a value");
        return array;
    }

    private object? BindMap(Type valueType, SourceNode node)
    {
        if (node is not MappingNode mapping)
        {
            diagnostics.Error(ScenarioCodes.WrongType, $"expected a mapping of names to values, found {node.KindName}", node.Location,
                "write 'name: value' pairs");
            return null;
        }
        var dictionaryType = typeof(Dictionary<,>).MakeGenericType(typeof(string), valueType);
        var dictionary = (System.Collections.IDictionary)Activator.CreateInstance(dictionaryType, StringComparer.Ordinal)!;
        foreach (var entry in mapping.Entries)
            if (!IsNull(entry.Value) && Bind(valueType, entry.Value) is { } value) dictionary[entry.Key.Value] = value;
        return dictionary;
    }

    private object? BindRecord(Type type, SourceNode node)
    {
        var shape = Shapes.GetOrAdd(type, RecordShape.Of);
        if (node is not MappingNode mapping)
        {
            diagnostics.Error(ScenarioCodes.WrongType, $"expected a mapping ({string.Join(", ", shape.Names.Take(6))}...), found {node.KindName}"
                + (node is ScalarNode s ? $" '{Truncate(s.Value)}'" : ""), node.Location, $"write it as a mapping of {Describe(type)} fields");
            return null;
        }
        int errorsBefore = ErrorCount();
        var instance = Activator.CreateInstance(type)!;
        var written = new List<string>();
        foreach (var entry in mapping.Entries)
        {
            if (!shape.Properties.TryGetValue(entry.Key.Value, out var property))
            {
                diagnostics.Error(ScenarioCodes.UnknownField, $"unknown field '{Truncate(entry.Key.Value)}' in {Describe(type)}",
                    entry.Key.Location, Suggestions.Hint(entry.Key.Value, shape.Names));
                continue;
            }
            if (IsNull(entry.Value)) continue;
            written.Add(entry.Key.Value);
            var value = Bind(property.PropertyType, entry.Value);
            if (value is null) continue;
            if (CheckLimits(property, value, entry.Value)) property.SetValue(instance, value);
        }
        foreach (var required in shape.Required.Where(r => !written.Contains(r)))
            diagnostics.Error(ScenarioCodes.MissingField, $"missing required field '{required}' in {Describe(type)}", mapping.Location,
                $"add '{required}:'");
        if (shape.IsOneOf)
        {
            var chosen = written.Where(shape.Choices.Contains).ToList();
            if (chosen.Count != 1)
                diagnostics.Error(ScenarioCodes.OneOf,
                    chosen.Count == 0
                        ? $"{Describe(type)} needs one of: {string.Join(", ", shape.Choices)}"
                        : $"{Describe(type)} takes exactly one of {string.Join(", ", shape.Choices)}, found {string.Join(" and ", chosen)}",
                    mapping.Location, $"write exactly one of: {string.Join(", ", shape.Choices)}");
        }
        if (ErrorCount() == errorsBefore && instance is IValidatable validatable)
            validatable.Validate(new ValidationContext(mapping, diagnostics));
        return instance;
    }

    /// <summary>Range-checks a scalar property, or each item of a list of scalars (e.g. empirical samples).</summary>
    private bool CheckLimits(PropertyInfo property, object value, SourceNode node)
    {
        if (value is Array items && node is SequenceNode sequence)
        {
            bool allInRange = true;
            for (int i = 0; i < items.Length; i++)
                if (items.GetValue(i) is { } item) allInRange &= CheckLimits(property, item.GetType(), item, sequence.Items[i]);
            return allInRange;
        }
        return CheckLimits(property, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, value, node);
    }

    private bool CheckLimits(PropertyInfo property, Type type, object value, SourceNode node)
    {
        if (ScalarKinds.For(type) is not { } kind || type == typeof(string) || type == typeof(bool)) return true;
        var limits = property.GetCustomAttribute<LimitsAttribute>();
        var (minText, maxText) = limits is null ? (kind.DefaultMin, kind.DefaultMax) : (limits.Min, limits.Max);
        double magnitude = kind.Magnitude(value);
        double min = LimitMagnitude(kind, minText, property), max = LimitMagnitude(kind, maxText, property);
        if (magnitude >= min && magnitude <= max) return true;
        diagnostics.Error(ScenarioCodes.OutOfRange, $"{value} is out of range for '{NameOf(property)}' ({minText} to {maxText})"
            + (node is ScalarNode s ? From(s) : ""), node.Location, $"use a value between {minText} and {maxText}");
        return false;
    }

    /// <summary>A limit that does not parse is a bug in this assembly, caught by a test over every record type.</summary>
    internal static double LimitMagnitude(ScalarKind kind, string text, PropertyInfo property) =>
        kind.TryParse(text, out var value, out var error)
            ? kind.Magnitude(value!)
            : throw new InvalidOperationException($"{property.DeclaringType?.Name}.{property.Name}: bad limit '{text}': {error}");

    private int ErrorCount() => diagnostics.Items.Count(d => d.Severity == Severity.Error);

    private static bool IsNull(SourceNode node) => node is ScalarNode { IsNull: true };

    private static string From(ScalarNode scalar) => scalar.Origin is null ? "" : $" (from {scalar.Origin})";

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";

    internal static string NameOf(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    /// <summary>A record's name for messages: <c>ControllerSpec</c> → "controller".</summary>
    internal static string Describe(Type type)
    {
        var name = type.Name;
        if (name.EndsWith("Spec", StringComparison.Ordinal)) name = name[..^4];
        if (ScalarKinds.For(type) is not null) return type == typeof(string) ? "text" : $"a {name.ToLowerInvariant()}";
        return JsonNamingPolicy.CamelCase.ConvertName(name);
    }

    internal static IReadOnlyDictionary<string, object> EnumNames(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static).ToDictionary(
            f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(f.Name),
            f => f.GetValue(null)!, StringComparer.Ordinal);

    /// <summary>The bindable properties of a record, by YAML name.</summary>
    private sealed record RecordShape(IReadOnlyDictionary<string, PropertyInfo> Properties, IReadOnlyList<string> Required,
        bool IsOneOf, IReadOnlyList<string> Choices)
    {
        public IReadOnlyList<string> Names { get; } = [.. Properties.Keys];

        public static RecordShape Of(Type type)
        {
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is null)
                .ToDictionary(NameOf, StringComparer.Ordinal);
            var required = properties.Where(p => p.Value.GetCustomAttribute<RequiredMemberAttribute>() is not null).Select(p => p.Key).ToList();
            bool isOneOf = type.GetCustomAttribute<OneOfAttribute>() is not null;
            var choices = isOneOf ? properties.Keys.Except(required).ToList() : [];
            return new RecordShape(properties, required, isOneOf, choices);
        }
    }
}

using System.Globalization;
using IngressSim.Kubernetes.Meta;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace IngressSim.Kubernetes.Manifests;

/// <summary>
/// IntOrString as the API server reads it: an unquoted integer is a number, anything else (a port name,
/// <c>25%</c>, a quoted "8080") is a string.
/// </summary>
internal sealed class IntOrStringConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(IntOrString) || type == typeof(IntOrString?);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        if (scalar.Style == ScalarStyle.Plain && IsNull(scalar.Value)) return type == typeof(IntOrString) ? default(IntOrString) : null;
        if (scalar.Style == ScalarStyle.Plain && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int number))
            return IntOrString.FromInt(number);
        return IntOrString.FromString(scalar.Value);
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer)
    {
        var v = (IntOrString?)value;
        emitter.Emit(new Scalar(v?.ToString() ?? "null"));
    }

    internal static bool IsNull(string value) => value is "" or "~" or "null" or "Null" or "NULL";
}

/// <summary>RFC 3339 timestamps (metadata.creationTimestamp), always normalized to UTC.</summary>
internal sealed class TimestampConverter : IYamlTypeConverter
{
    public bool Accepts(Type type) => type == typeof(DateTimeOffset) || type == typeof(DateTimeOffset?);

    public object? ReadYaml(IParser parser, Type type, ObjectDeserializer rootDeserializer)
    {
        var scalar = parser.Consume<Scalar>();
        if (scalar.Style == ScalarStyle.Plain && IntOrStringConverter.IsNull(scalar.Value)) return null;
        if (DateTimeOffset.TryParse(scalar.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return at.ToUniversalTime();
        throw new YamlException(scalar.Start, scalar.End, $"'{scalar.Value}' is not an RFC 3339 timestamp such as 2024-01-01T00:00:00Z");
    }

    public void WriteYaml(IEmitter emitter, object? value, Type type, ObjectSerializer serializer) =>
        emitter.Emit(new Scalar(value is DateTimeOffset at ? at.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) : "null"));
}

using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace IngressSim.Kubernetes.Manifests;

/// <summary>
/// A null list item (<c>containers: [~]</c>, an empty <c>-</c>) becomes the element type's zero value, as
/// Go's JSON decoding makes it in Kubernetes, instead of a null the model never expects. Null mapping
/// values never get here: <see cref="EventReplayParser"/> leaves them out, so their fields keep the
/// model's defaults.
/// </summary>
internal sealed class NullItemDeserializer : INodeDeserializer
{
    public bool Deserialize(IParser reader, Type expectedType, Func<IParser, Type, object?> nestedObjectDeserializer, out object? value, ObjectDeserializer rootDeserializer)
    {
        value = null;
        // object (free-form content) and Nullable<T> have null as their zero value: YamlDotNet's own handling is right.
        if (!reader.Accept<Scalar>(out var scalar) || !EventReplayParser.IsNull(scalar) || expectedType == typeof(object) || Nullable.GetUnderlyingType(expectedType) is not null)
            return false;
        reader.MoveNext();
        value = expectedType == typeof(string) ? "" : Activator.CreateInstance(expectedType);
        return true;
    }
}

using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace IngressSim.Kubernetes.Manifests;

/// <summary>
/// Lets the model expose <see cref="IReadOnlyList{T}"/> and <see cref="IReadOnlyDictionary{TKey,TValue}"/>
/// (immutable records) while YamlDotNet, which only maps the mutable interfaces, fills a List or Dictionary.
/// </summary>
internal sealed class ReadOnlyCollectionsTypeResolver : INodeTypeResolver
{
    public bool Resolve(NodeEvent? nodeEvent, ref Type currentType)
    {
        if (!currentType.IsGenericType) return false;
        var definition = currentType.GetGenericTypeDefinition();
        if (definition == typeof(IReadOnlyList<>) || definition == typeof(IReadOnlyCollection<>))
        {
            currentType = typeof(List<>).MakeGenericType(currentType.GenericTypeArguments);
            return true;
        }
        if (definition == typeof(IReadOnlyDictionary<,>))
        {
            currentType = typeof(Dictionary<,>).MakeGenericType(currentType.GenericTypeArguments);
            return true;
        }
        return false;
    }
}

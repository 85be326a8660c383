using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace IngressSim.Kubernetes.Manifests;

/// <summary>
/// Feeds one object's slice of pre-scanned events to the deserializer. The events keep their original
/// marks, so a type error inside a <c>kind: List</c> item is still reported at its real line.
/// </summary>
internal sealed class EventReplayParser(List<ParsingEvent> events, int start, int end) : IParser
{
    private int _next = start;

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        if (_next > end)
        {
            Current = null;
            return false;
        }
        Current = events[_next++];
        return true;
    }
}

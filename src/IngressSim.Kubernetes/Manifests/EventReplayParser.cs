using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace IngressSim.Kubernetes.Manifests;

/// <summary>
/// Feeds one object's slice of pre-scanned events to the deserializer. The events keep their original
/// marks, so a type error inside a <c>kind: List</c> item is still reported at its real line.
/// Mapping entries whose value is null are left out: Kubernetes decodes manifests with Go's JSON rules,
/// where a null field stays unset, and the model's defaults are what "unset" means
/// (<c>metadata: ~</c> is an empty ObjectMeta, not a null one). Null entries of string maps (labels,
/// annotations) are dropped too, where Go would keep an empty string.
/// </summary>
internal sealed class EventReplayParser(List<ParsingEvent> events, int start, int end) : IParser
{
    private readonly List<ParsingEvent> _events = WithoutNullEntries(events, start, end);
    private int _next;

    public ParsingEvent? Current { get; private set; }

    public bool MoveNext()
    {
        if (_next == _events.Count)
        {
            Current = null;
            return false;
        }
        Current = _events[_next++];
        return true;
    }

    /// <summary>A null as YamlDotNet's NullNodeDeserializer sees it: the null tag or a plain null word.</summary>
    internal static bool IsNull(Scalar s) =>
        s.Tag == "tag:yaml.org,2002:null" || s.Style == ScalarStyle.Plain && IntOrStringConverter.IsNull(s.Value);

    private enum Position { SequenceItem, MappingKey, MappingValue }

    private static List<ParsingEvent> WithoutNullEntries(List<ParsingEvent> events, int start, int end)
    {
        var kept = new List<ParsingEvent>(end - start + 1);
        var open = new Stack<Position>();
        for (int i = start; i <= end; i++)
        {
            var e = events[i];
            if (open.TryPeek(out var at) && at == Position.MappingKey && e is Scalar && i < end && events[i + 1] is Scalar value && IsNull(value))
            {
                i++; // the key and its null value
                continue;
            }
            kept.Add(e);
            if (e is MappingStart) open.Push(Position.MappingKey);
            else if (e is SequenceStart) open.Push(Position.SequenceItem);
            else
            {
                if (e is MappingEnd or SequenceEnd) open.Pop();
                // A node ended: in a mapping, a key is followed by its value and a value by the next key.
                if (open.TryPop(out var parent))
                    open.Push(parent switch
                    {
                        Position.MappingKey => Position.MappingValue,
                        Position.MappingValue => Position.MappingKey,
                        _ => parent,
                    });
            }
        }
        return kept;
    }
}

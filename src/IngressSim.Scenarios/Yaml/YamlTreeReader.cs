using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Loading;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace IngressSim.Scenarios.Yaml;

/// <summary>
/// Reads YAML text into <see cref="SourceNode"/> trees from YamlDotNet's parser events, keeping
/// each node's position. Aliases share the anchored node; the expanded size and the depth are
/// bounded while reading, so alias bombs and recursive aliases are rejected before anyone walks them.
/// A syntax error ends the file (the parser cannot resynchronise) and is reported at its position.
/// </summary>
public static class YamlTreeReader
{
    /// <summary>Reads every document of <paramref name="text"/>; on any error returns what was read before it.</summary>
    public static IReadOnlyList<SourceNode> Read(string text, string file, DiagnosticBag diagnostics, YamlLimits? limits = null)
    {
        var documents = new List<SourceNode>();
        var builder = new Builder(file, limits ?? YamlLimits.Default, diagnostics);
        var parser = new Parser(new StringReader(text));
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart:
                        builder.ResetAnchors();
                        break;
                    case DocumentEnd when builder.TakeDocument() is { } document:
                        documents.Add(document);
                        break;
                    case { } e when !builder.Accept(e):
                        return documents;
                }
            }
        }
        catch (YamlException ex)
        {
            diagnostics.Error(ScenarioCodes.YamlSyntax, $"YAML syntax error: {Describe(ex)}",
                new SourceLocation(file, (int)ex.Start.Line, (int)ex.Start.Column),
                "check indentation, a missing ':' or an unclosed quote or bracket near here");
        }
        catch (InvalidOperationException ex)
        {
            // YamlDotNet's scanner throws this (unlocated) on some malformed input instead of a YamlException.
            var near = parser.Current?.End;
            diagnostics.Error(ScenarioCodes.YamlSyntax, $"YAML syntax error: {ex.Message}",
                new SourceLocation(file, (int)(near?.Line ?? 0), (int)(near?.Column ?? 0)),
                "check indentation, a missing ':' or an unclosed quote or bracket after this point");
        }
        return documents;
    }

    private static string Describe(YamlException ex)
    {
        // YamlDotNet prefixes its messages with "(Line: x, Col: y, Idx: z) - (...)": we print the position ourselves.
        var message = ex.Message;
        int dash = message.IndexOf("): ", StringComparison.Ordinal);
        return dash >= 0 ? message[(dash + 3)..] : message;
    }

    private sealed class Builder(string file, YamlLimits limits, DiagnosticBag diagnostics)
    {
        private readonly Stack<Frame> _open = new();
        private readonly Dictionary<string, SourceNode> _anchors = new(StringComparer.Ordinal);
        private readonly HashSet<string> _anchorsInProgress = new(StringComparer.Ordinal);
        private SourceNode? _document;

        public void ResetAnchors()
        {
            _anchors.Clear();
            _anchorsInProgress.Clear();
        }

        public SourceNode? TakeDocument()
        {
            var document = _document;
            _document = null;
            return document;
        }

        /// <summary>Adds one event; false when a limit or alias error makes reading stop.</summary>
        public bool Accept(ParsingEvent e)
        {
            switch (e)
            {
                case Scalar s:
                    return Complete(new ScalarNode(s.Value, s.Style == ScalarStyle.Plain, At(s))
                    {
                        IsBlock = s.Style is ScalarStyle.Literal or ScalarStyle.Folded,
                    }, s.Anchor);
                case AnchorAlias alias:
                    return Alias(alias);
                case MappingStart m:
                    return Open(new Frame(isMapping: true, At(m), m.Anchor));
                case SequenceStart q:
                    return Open(new Frame(isMapping: false, At(q), q.Anchor));
                case MappingEnd or SequenceEnd:
                    var frame = _open.Pop();
                    if (!frame.Anchor.IsEmpty) _anchorsInProgress.Remove(frame.Anchor.Value);
                    return Complete(frame.Build(), frame.Anchor);
                default:
                    return true;
            }
        }

        private bool Open(Frame frame)
        {
            if (_open.Count >= limits.MaxDepth)
            {
                diagnostics.Error(ScenarioCodes.TooDeep, $"nesting deeper than {limits.MaxDepth} levels", frame.Location,
                    "flatten the structure; scenario and Kubernetes documents need far fewer levels");
                return false;
            }
            if (!frame.Anchor.IsEmpty) _anchorsInProgress.Add(frame.Anchor.Value);
            _open.Push(frame);
            return true;
        }

        private bool Alias(AnchorAlias alias)
        {
            var name = alias.Value.Value;
            if (_anchors.TryGetValue(name, out var target)) return Complete(target, AnchorName.Empty);
            var at = At(alias);
            if (_anchorsInProgress.Contains(name))
                diagnostics.Error(ScenarioCodes.AliasLimit, $"alias *{name} refers to a node that contains it (a cycle)", at,
                    "an alias may only repeat a node that is already complete");
            else
                diagnostics.Error(ScenarioCodes.AliasLimit, $"alias *{name} has no anchor &{name} before it", at,
                    "define the anchor (&name) before using the alias (*name)");
            return false;
        }

        private bool Complete(SourceNode node, AnchorName anchor)
        {
            if (node.Size > limits.MaxExpandedNodes)
            {
                diagnostics.Error(ScenarioCodes.AliasLimit,
                    $"the document expands to more than {limits.MaxExpandedNodes:N0} nodes (aliases repeat their anchors' content)",
                    node.Location, "use fewer or smaller aliases; a fleet generator replaces copy-pasted services");
                return false;
            }
            if (!anchor.IsEmpty) _anchors[anchor.Value] = node;
            if (_open.Count == 0)
            {
                _document = node;
                return true;
            }
            var parent = _open.Peek();
            long total = parent.Size + node.Size;
            if (total > limits.MaxExpandedNodes)
            {
                diagnostics.Error(ScenarioCodes.AliasLimit,
                    $"the document expands to more than {limits.MaxExpandedNodes:N0} nodes (aliases repeat their anchors' content)",
                    node.Location, "use fewer or smaller aliases; a fleet generator replaces copy-pasted services");
                return false;
            }
            parent.Add(node, diagnostics);
            return true;
        }

        private SourceLocation At(ParsingEvent e) => new(file, (int)e.Start.Line, (int)e.Start.Column);
    }

    private sealed class Frame(bool isMapping, SourceLocation location, AnchorName anchor)
    {
        private readonly List<SourceNode> _items = [];
        private readonly List<MappingEntry> _entries = [];
        private readonly Dictionary<string, ScalarNode> _keys = new(StringComparer.Ordinal);
        private ScalarNode? _pendingKey;
        private bool _skipValue;

        public SourceLocation Location { get; } = location;
        public AnchorName Anchor { get; } = anchor;
        public long Size { get; private set; } = 1;

        public void Add(SourceNode node, DiagnosticBag diagnostics)
        {
            Size += node.Size;
            if (!isMapping)
            {
                _items.Add(node);
                return;
            }
            if (_pendingKey is null && !_skipValue)
            {
                if (node is not ScalarNode key)
                {
                    diagnostics.Error(ScenarioCodes.WrongType, $"a mapping key must be a scalar, not {node.KindName}", node.Location,
                        "write keys as plain names");
                    _skipValue = true;
                    return;
                }
                if (!_keys.TryAdd(key.Value, key))
                {
                    diagnostics.Error(ScenarioCodes.DuplicateKey, $"duplicate key '{key.Value}' (first at line {_keys[key.Value].Location.Line})",
                        key.Location, "YAML keys must be unique in a mapping; merge or remove one of them");
                    _skipValue = true;
                    return;
                }
                _pendingKey = key;
                return;
            }
            if (_skipValue) _skipValue = false;
            else _entries.Add(new MappingEntry(_pendingKey!, node));
            _pendingKey = null;
        }

        public SourceNode Build() =>
            isMapping ? new MappingNode(_entries, Location) : new SequenceNode(_items, Location);
    }
}

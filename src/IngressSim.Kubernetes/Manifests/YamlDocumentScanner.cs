using IngressSim.Kubernetes.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace IngressSim.Kubernetes.Manifests;

/// <summary>
/// First pass over a YAML stream with the low-level <see cref="Parser"/>: splits it into documents of
/// parsing events and expands aliases under a budget before anything is deserialized. An alias bomb
/// ("billion laughs") or a self-referencing anchor is reported instead of walked, and deep nesting is
/// rejected because the deserializer recurses per level (TOOLCHAIN.md "YamlDotNet" trap).
/// </summary>
internal sealed class YamlDocumentScanner(string file, int lineOffset, int columnOffset)
{
    /// <summary>Events one document may expand to; a large real manifest (kubectl get -o yaml of 5,000 objects) is ~10^6.</summary>
    public const int MaxExpandedEvents = 4_000_000;

    /// <summary>Kubernetes objects nest ~15 levels; 100 leaves room and keeps the recursive deserializer safe.</summary>
    public const int MaxDepth = 100;

    public SourceLocation Locate(Mark mark) =>
        new(file, (int)mark.Line + lineOffset, (int)mark.Column + columnOffset);

    /// <summary>Every document's events (alias-free) in order; problems go to <paramref name="diagnostics"/>.</summary>
    public List<List<ParsingEvent>> Scan(string text, DiagnosticBag diagnostics)
    {
        var documents = new List<List<ParsingEvent>>();
        var parser = new Parser(new StringReader(text));
        DocumentBuilder? current = null;
        try
        {
            while (parser.MoveNext())
            {
                var e = parser.Current!;
                switch (e)
                {
                    case DocumentStart:
                        current = new DocumentBuilder(this);
                        break;
                    case DocumentEnd:
                        if (current is { Failed: false }) documents.Add(current.Events);
                        current = null;
                        break;
                    case StreamStart or StreamEnd:
                        break;
                    default:
                        current?.Append(e, diagnostics);
                        break;
                }
            }
        }
        catch (YamlException ex)
        {
            SyntaxError(ex.Message, ex.Start, diagnostics);
        }
        catch (InvalidOperationException ex) when (ex.TargetSite?.DeclaringType?.Assembly == typeof(Parser).Assembly)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some unclosed flow collections
            // (`b: [1, 2` followed by `c: 3`); it carries no position, so report where parsing stopped.
            // Only YamlDotNet's own: one from this class would be a bug, not bad input.
            SyntaxError("the parser stopped here (usually an unclosed '[' or '{')", parser.Current?.End ?? Mark.Empty, diagnostics);
        }
        return documents;
    }

    private void SyntaxError(string message, Mark at, DiagnosticBag diagnostics) =>
        diagnostics.Error(ManifestDiagnosticCodes.YamlSyntax, $"YAML syntax error: {message}", Locate(at),
            "fix the YAML at this position (indentation, quoting, a missing ':' or '-', an unclosed bracket); later documents of this file were not read");

    private sealed class DocumentBuilder(YamlDocumentScanner scanner)
    {
        private readonly Dictionary<AnchorName, (int Start, int End)> _anchors = [];
        private readonly Stack<(AnchorName Anchor, int Start)> _open = new();

        public List<ParsingEvent> Events { get; } = [];
        public bool Failed { get; private set; }

        public void Append(ParsingEvent e, DiagnosticBag diagnostics)
        {
            if (Failed) return;
            if (e is AnchorAlias alias)
            {
                ExpandAlias(alias, diagnostics);
                return;
            }
            int index = Events.Count;
            Events.Add(WithoutAnchor(e));
            if (e is MappingStart or SequenceStart)
            {
                _open.Push((((NodeEvent)e).Anchor, index));
                if (_open.Count > MaxDepth)
                    Fail(diagnostics, ManifestDiagnosticCodes.NestingTooDeep, $"YAML nested deeper than {MaxDepth} levels", e.Start,
                        "Kubernetes manifests nest about 15 levels; check for runaway indentation or brackets");
            }
            else if (e is MappingEnd or SequenceEnd)
            {
                var (anchor, start) = _open.Pop();
                if (!anchor.IsEmpty) _anchors[anchor] = (start, index);
            }
            else if (e is Scalar { Anchor.IsEmpty: false } scalar)
            {
                _anchors[scalar.Anchor] = (index, index);
            }
            if (Events.Count > MaxExpandedEvents) FailTooLarge(diagnostics, e.Start);
        }

        /// <summary>
        /// Anchors are resolved here, so the deserializer must not see them again (copies would redefine them).
        /// </summary>
        private static ParsingEvent WithoutAnchor(ParsingEvent e) => e switch
        {
            Scalar { Anchor.IsEmpty: false } s => new Scalar(AnchorName.Empty, s.Tag, s.Value, s.Style, s.IsPlainImplicit, s.IsQuotedImplicit, s.Start, s.End),
            MappingStart { Anchor.IsEmpty: false } m => new MappingStart(AnchorName.Empty, m.Tag, m.IsImplicit, m.Style, m.Start, m.End),
            SequenceStart { Anchor.IsEmpty: false } q => new SequenceStart(AnchorName.Empty, q.Tag, q.IsImplicit, q.Style, q.Start, q.End),
            _ => e,
        };

        private void ExpandAlias(AnchorAlias alias, DiagnosticBag diagnostics)
        {
            if (!_anchors.TryGetValue(alias.Value, out var range))
            {
                bool recursive = _open.Any(o => o.Anchor.Equals(alias.Value));
                Fail(diagnostics, ManifestDiagnosticCodes.AliasRejected,
                    recursive ? $"alias *{alias.Value} refers to a node that contains it (a cycle)" : $"alias *{alias.Value} has no anchor &{alias.Value} before it",
                    alias.Start, "write the value out instead of using an alias");
                return;
            }
            int length = range.End - range.Start + 1;
            if (Events.Count + length > MaxExpandedEvents)
            {
                FailTooLarge(diagnostics, alias.Start);
                return;
            }
            // The copy is of already-expanded events, so nested aliases cost their full size: the budget
            // bounds the real work, not the text length.
            for (int i = 0; i < length; i++) Events.Add(Events[range.Start + i]);
        }

        private void FailTooLarge(DiagnosticBag diagnostics, Mark at) =>
            Fail(diagnostics, ManifestDiagnosticCodes.AliasRejected,
                $"document expands to more than {MaxExpandedEvents:N0} YAML nodes through anchors and aliases", at,
                "aliases that multiply content (an alias bomb) are rejected; write the manifests out");

        private void Fail(DiagnosticBag diagnostics, string code, string message, Mark at, string hint)
        {
            Failed = true;
            diagnostics.Error(code, message, scanner.Locate(at), hint);
        }
    }
}

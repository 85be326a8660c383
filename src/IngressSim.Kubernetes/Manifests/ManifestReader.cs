using System.Text;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Meta;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;
using YamlDotNet.Serialization.NodeDeserializers;

namespace IngressSim.Kubernetes.Manifests;

/// <summary>
/// Reads Kubernetes manifests as <c>kubectl apply -f</c> accepts them: several documents separated by
/// <c>---</c> and <c>kind: List</c> (as <c>kubectl get -o yaml</c> prints). Never throws on bad input:
/// every problem becomes a located <see cref="Diagnostic"/> and the rest of the file is still read.
/// Fields the simulator does not model are ignored; unknown kinds are skipped with a warning.
/// </summary>
public static class ManifestReader
{
    /// <summary>Larger inputs are refused before parsing (hostile or accidental, e.g. a log file).</summary>
    public const long MaxFileBytes = 8L * 1024 * 1024;

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .WithNodeTypeResolver(new ReadOnlyCollectionsTypeResolver())
        .WithTypeConverter(new IntOrStringConverter())
        .WithTypeConverter(new TimestampConverter())
        .WithNodeDeserializer(new NullItemDeserializer(), where => where.Before<NullNodeDeserializer>())
        .Build();

    public static ManifestSet ReadFile(string path)
    {
        var at = SourceLocation.InFile(path);
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                return Failed(ManifestDiagnosticCodes.FileUnreadable, $"manifest file '{path}' does not exist", at, "check the path (relative paths are resolved from the current directory)");
            if (info.Length > MaxFileBytes)
                return Failed(ManifestDiagnosticCodes.FileTooLarge, $"manifest file is {info.Length:N0} bytes, over the {MaxFileBytes:N0}-byte limit", at, "split the manifests into several files");
            return ReadText(File.ReadAllText(path), path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Failed(ManifestDiagnosticCodes.FileUnreadable, $"cannot read manifest file: {ex.Message}", at, "check the file's permissions");
        }
    }

    /// <summary>
    /// Reads manifests from text. For manifests embedded in another file (a scenario's block scalar),
    /// <paramref name="lineOffset"/> and <paramref name="columnOffset"/> are added to every reported
    /// position so it points into <paramref name="file"/>: pass the line before the text's first line and
    /// the block's indentation.
    /// </summary>
    public static ManifestSet ReadText(string text, string file, int lineOffset = 0, int columnOffset = 0)
    {
        if (Encoding.UTF8.GetByteCount(text) > MaxFileBytes)
            return Failed(ManifestDiagnosticCodes.FileTooLarge, $"manifest text is over the {MaxFileBytes:N0}-byte limit", new SourceLocation(file, lineOffset + 1, 1), "split the manifests into several files");

        var diagnostics = new DiagnosticBag();
        var scanner = new YamlDocumentScanner(file, lineOffset, columnOffset);
        var objects = new List<KubernetesObject>();
        foreach (var events in scanner.Scan(text, diagnostics))
        {
            if (events.Count == 0) continue;
            var reader = new DocumentReader(events, scanner, diagnostics, objects);
            reader.ReadRoot();
        }
        return new ManifestSet(objects, diagnostics.Items.ToArray());
    }

    private static ManifestSet Failed(string code, string message, SourceLocation at, string hint) =>
        new([], [Diagnostic.Error(code, message, at, hint)]);

    /// <summary>Turns one document's events into objects; indices always point at a node's first event.</summary>
    private sealed class DocumentReader(List<ParsingEvent> events, YamlDocumentScanner scanner, DiagnosticBag diagnostics, List<KubernetesObject> objects)
    {
        public void ReadRoot()
        {
            switch (events[0])
            {
                case MappingStart:
                    ReadObject(0);
                    break;
                case Scalar s when s.Style == ScalarStyle.Plain && s.Value.Length == 0:
                    break; // an empty document, e.g. a trailing '---'
                default:
                    diagnostics.Error(ManifestDiagnosticCodes.NotAnObject, "document is not a Kubernetes object (expected a mapping with apiVersion and kind)",
                        scanner.Locate(events[0].Start), "each '---' document must start with 'apiVersion:' and 'kind:'");
                    break;
            }
        }

        private void ReadObject(int start)
        {
            int end = EndOf(start);
            var at = scanner.Locate(events[start].Start);
            string? apiVersion = ScalarValue(start, end, "apiVersion");
            string? kind = ScalarValue(start, end, "kind");
            if (string.IsNullOrEmpty(apiVersion) || string.IsNullOrEmpty(kind))
            {
                diagnostics.Error(ManifestDiagnosticCodes.NotAnObject, "object has no apiVersion or kind", at, "add e.g. 'apiVersion: networking.k8s.io/v1' and 'kind: Ingress'");
                return;
            }
            if (kind == "List")
            {
                ReadListItems(start, end);
                return;
            }
            var type = ManifestKinds.Find(apiVersion, kind);
            if (type is null)
            {
                string? supported = ManifestKinds.SupportedApiVersion(kind);
                diagnostics.Warning(ManifestDiagnosticCodes.UnknownKind,
                    supported is null ? $"kind {kind} ({apiVersion}) is not simulated; skipped" : $"{kind} of apiVersion {apiVersion} is not read; skipped",
                    at, supported is null ? null : $"use apiVersion: {supported}");
                return;
            }
            KubernetesObject obj;
            try
            {
                obj = (KubernetesObject)Deserializer.Deserialize(new EventReplayParser(events, start, end), type)!;
            }
            catch (YamlException ex)
            {
                diagnostics.Error(ManifestDiagnosticCodes.WrongType, $"{kind}: {Innermost(ex).Message}", scanner.Locate(ex.Start),
                    "check the field's type against the Kubernetes API reference (e.g. a number where a number is expected)");
                return;
            }
            var fields = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
            int cursor = start;
            MapFields(ref cursor, "", fields);
            obj = obj with
            {
                Metadata = string.IsNullOrEmpty(obj.Metadata.Namespace) ? obj.Metadata with { Namespace = ObjectMeta.DefaultNamespace } : obj.Metadata,
                Source = new ObjectSource(at, fields),
            };
            ManifestValidator.Validate(obj, diagnostics);
            objects.Add(obj);
        }

        private void ReadListItems(int start, int end)
        {
            int items = ValueIndex(start, end, "items");
            if (items < 0) return; // an empty List
            if (events[items] is not SequenceStart)
            {
                diagnostics.Error(ManifestDiagnosticCodes.WrongType, "List.items must be a sequence of objects", scanner.Locate(events[items].Start), null);
                return;
            }
            for (int i = items + 1; events[i] is not SequenceEnd; i = EndOf(i) + 1)
            {
                if (events[i] is MappingStart) ReadObject(i);
                else diagnostics.Error(ManifestDiagnosticCodes.NotAnObject, "List item is not a Kubernetes object", scanner.Locate(events[i].Start), null);
            }
        }

        /// <summary>Index of the last event of the node starting at <paramref name="start"/>.</summary>
        private int EndOf(int start)
        {
            int depth = 0, i = start;
            do
            {
                if (events[i] is MappingStart or SequenceStart) depth++;
                else if (events[i] is MappingEnd or SequenceEnd) depth--;
                i++;
            } while (depth > 0);
            return i - 1;
        }

        /// <summary>Index of the value of top-level <paramref name="key"/> in the mapping [start, end], or -1.</summary>
        private int ValueIndex(int start, int end, string key)
        {
            for (int i = start + 1; i < end; )
            {
                int keyEnd = EndOf(i);
                if (events[i] is Scalar s && s.Value == key) return keyEnd + 1;
                i = EndOf(keyEnd + 1) + 1;
            }
            return -1;
        }

        private string? ScalarValue(int start, int end, string key)
        {
            int i = ValueIndex(start, end, key);
            return i >= 0 && events[i] is Scalar s ? s.Value : null;
        }

        /// <summary>Records where each field's value starts, by path (<c>spec.rules[0].host</c>).</summary>
        private void MapFields(ref int i, string path, Dictionary<string, SourceLocation> fields)
        {
            switch (events[i])
            {
                case MappingStart:
                    i++;
                    while (events[i] is not MappingEnd)
                    {
                        string? key = events[i] is Scalar k ? k.Value : null;
                        i = EndOf(i) + 1;
                        string child = key is null ? path : path.Length == 0 ? key : $"{path}.{key}";
                        if (key is not null) fields.TryAdd(child, scanner.Locate(events[i].Start));
                        MapFields(ref i, child, fields);
                    }
                    i++;
                    break;
                case SequenceStart:
                    i++;
                    for (int index = 0; events[i] is not SequenceEnd; index++)
                    {
                        string child = $"{path}[{index}]";
                        fields.TryAdd(child, scanner.Locate(events[i].Start));
                        MapFields(ref i, child, fields);
                    }
                    i++;
                    break;
                default:
                    i++;
                    break;
            }
        }

        private static Exception Innermost(Exception ex)
        {
            while (ex.InnerException is not null) ex = ex.InnerException;
            return ex;
        }
    }
}

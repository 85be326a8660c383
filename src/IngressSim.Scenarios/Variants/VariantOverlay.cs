using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Variants;

/// <summary>
/// Applies a variant's <c>set</c> entries to the spec's YAML tree before binding, so an overlaid value
/// is checked like any other and its errors point at the line in <c>variants</c>. Rules: missing
/// mapping fields along the path are created; a list item selected by a name that does not exist is
/// appended when the path ends there (the value becomes the new item, named by the selector); a
/// <c>null</c> value removes the field or item.
/// </summary>
public static class VariantOverlay
{
    public const string BaseVariant = "base";

    public static MappingNode Apply(MappingNode spec, MappingNode set, DiagnosticBag diagnostics)
    {
        foreach (var entry in set.Entries)
        {
            if (!OverlayPath.TryParse(entry.Key.Value, out var path, out var error))
            {
                diagnostics.Error(ScenarioCodes.BadVariantPath, error, entry.Key.Location, "paths are relative to spec, e.g. cluster.controllers[ingress-nginx].kind");
                continue;
            }
            if (Set(spec, path.Steps, 0, entry, diagnostics) is MappingNode updated) spec = updated;
        }
        return spec;
    }

    /// <summary>Returns the node with the value set below it, or null (after reporting) when the path does not fit.</summary>
    private static SourceNode? Set(SourceNode current, IReadOnlyList<OverlayPath.Step> steps, int i, MappingEntry entry, DiagnosticBag diagnostics)
    {
        var step = steps[i];
        bool last = i == steps.Count - 1;
        switch (current)
        {
            case MappingNode mapping:
            {
                var existing = mapping.Find(step.Text);
                SourceNode? replacement;
                if (last) replacement = entry.Value;
                else if (existing is null) replacement = Set(new MappingNode([], entry.Key.Location), steps, i + 1, entry, diagnostics);
                else replacement = Set(existing.Value, steps, i + 1, entry, diagnostics);
                if (replacement is null) return null;
                var entries = mapping.Entries.Where(e => e != existing).ToList();
                if (!IsNull(replacement))
                {
                    var added = new MappingEntry(existing?.Key ?? entry.Key with { Value = step.Text }, replacement);
                    int at = existing is null ? entries.Count : mapping.Entries.ToList().IndexOf(existing);
                    entries.Insert(at, added);
                }
                return mapping with { Entries = entries };
            }
            case SequenceNode sequence when step.IsSelector:
            {
                int index = IndexOf(sequence, step.Text);
                var items = sequence.Items.ToList();
                if (index < 0)
                {
                    if (last && entry.Value is MappingNode newItem && !int.TryParse(step.Text, out _))
                    {
                        items.Add(newItem.Find("name") is null
                            ? newItem with { Entries = [new MappingEntry(entry.Key with { Value = "name" }, entry.Key with { Value = step.Text }), .. newItem.Entries] }
                            : newItem);
                        return sequence with { Items = items };
                    }
                    diagnostics.Error(ScenarioCodes.BadVariantPath, $"'{entry.Key.Value}': the list has no item '{step.Text}'", entry.Key.Location,
                        Suggestions.Hint(step.Text, NamesOf(sequence)));
                    return null;
                }
                if (last)
                {
                    if (IsNull(entry.Value)) items.RemoveAt(index);
                    else items[index] = entry.Value;
                    return sequence with { Items = items };
                }
                if (Set(items[index], steps, i + 1, entry, diagnostics) is not { } updated) return null;
                items[index] = updated;
                return sequence with { Items = items };
            }
            default:
                diagnostics.Error(ScenarioCodes.BadVariantPath,
                    $"'{entry.Key.Value}': '{step.Text}' cannot be applied to {current.KindName}" + (step.IsSelector ? "" : " (a field needs a mapping)"),
                    entry.Key.Location, current is SequenceNode ? $"select a list item first, e.g. [0] or [name]" : "check the path against the spec");
                return null;
        }
    }

    private static int IndexOf(SequenceNode sequence, string selector)
    {
        if (int.TryParse(selector, out int index)) return index >= 0 && index < sequence.Items.Count ? index : -1;
        for (int i = 0; i < sequence.Items.Count; i++)
            if (sequence.Items[i] is MappingNode item && item["name"] is ScalarNode name && name.Value == selector)
                return i;
        return -1;
    }

    private static List<string> NamesOf(SequenceNode sequence) =>
        sequence.Items.OfType<MappingNode>().Select(m => m["name"]).OfType<ScalarNode>().Select(n => n.Value).ToList();

    private static bool IsNull(SourceNode node) => node is ScalarNode { IsNull: true };
}

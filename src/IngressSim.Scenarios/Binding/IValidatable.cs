using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Binding;

/// <summary>
/// A record with rules across its fields (start before end, median below p99). The binder calls
/// <see cref="Validate"/> only when the record's own fields bound cleanly, so errors do not cascade.
/// </summary>
public interface IValidatable
{
    void Validate(ValidationContext context);
}

/// <summary>Reports a record-level problem at the position of one of its fields or list items, or of the record.</summary>
public sealed class ValidationContext(MappingNode node, DiagnosticBag diagnostics)
{
    /// <param name="path">YAML field names from this record, dot-separated (<c>cluster.controllers</c>).</param>
    /// <param name="index">Item of the list at <paramref name="path"/> to point at.</param>
    public void Error(string path, string message, string? hint = null, int? index = null) =>
        diagnostics.Error(ScenarioCodes.Inconsistent, message, LocationOf(path, index), hint);

    /// <summary>Reports a problem with its own code at a position found with <see cref="NodeAt"/> (e.g. inside a scalar's text).</summary>
    public void Error(string code, string message, SourceLocation at, string? hint) => diagnostics.Error(code, message, at, hint);

    public SourceLocation LocationOf(string path, int? index = null) => NodeAt(path, index).Location;

    /// <summary>The node of a field or list item, or the nearest ancestor present.</summary>
    public SourceNode NodeAt(string path, int? index = null)
    {
        SourceNode current = node;
        foreach (var field in path.Split('.'))
        {
            if (current is not MappingNode mapping || mapping[field] is not { } child) return current;
            current = child;
        }
        return index is { } i && current is SequenceNode sequence && i < sequence.Items.Count ? sequence.Items[i] : current;
    }
}

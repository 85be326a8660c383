namespace IngressSim.Scenarios.Yaml;

/// <summary>Finds nodes of a bound tree again, to place diagnostics found after binding.</summary>
public static class NodeNavigation
{
    /// <summary>The node at a dotted path of field names, or null.</summary>
    public static SourceNode? At(this SourceNode node, string path)
    {
        SourceNode? current = node;
        foreach (var field in path.Split('.'))
            current = (current as MappingNode)?[field];
        return current;
    }

    /// <summary>Item <paramref name="index"/> of the list at <paramref name="path"/>, else the closest node found.</summary>
    public static SourceNode ItemAt(this SourceNode node, string path, int index) =>
        node.At(path) switch
        {
            SequenceNode list when index < list.Items.Count => list.Items[index],
            { } found => found,
            null => node,
        };
}

namespace IngressSim.Scenarios.Variants;

/// <summary>
/// A parsed variant path such as <c>cluster.controllers[ingress-nginx].kind</c>: field names
/// separated by dots, each optionally followed by selectors in brackets. On a list a selector is an
/// index (<c>[0]</c>) or the <c>name</c> of an item; on a mapping it is a key, quoted when it holds
/// dots (<c>annotations["nginx.ingress.kubernetes.io/proxy-read-timeout"]</c>).
/// </summary>
public sealed record OverlayPath(IReadOnlyList<OverlayPath.Step> Steps)
{
    /// <summary>One step: a field, or a selector applied to the node reached so far.</summary>
    public sealed record Step(string Text, bool IsSelector);

    public static bool TryParse(string text, out OverlayPath path, out string error)
    {
        path = new OverlayPath([]);
        error = "";
        var steps = new List<Step>();
        int i = 0;
        bool expectField = true;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '[')
            {
                int close = text.IndexOf(']', i);
                if (close < 0) { error = $"'{text}': '[' at {i + 1} is not closed"; return false; }
                var selector = text[(i + 1)..close].Trim();
                if (selector.Length >= 2 && selector[0] is '"' or '\'' && selector[^1] == selector[0]) selector = selector[1..^1];
                if (selector.Length == 0) { error = $"'{text}': empty selector []"; return false; }
                steps.Add(new Step(selector, IsSelector: true));
                i = close + 1;
                expectField = false;
            }
            else if (c == '.')
            {
                if (expectField) { error = $"'{text}': empty field name at {i + 1}"; return false; }
                expectField = true;
                i++;
            }
            else
            {
                if (!expectField) { error = $"'{text}': expected '.' or '[' at {i + 1}"; return false; }
                int end = i;
                while (end < text.Length && text[end] is not ('.' or '[' or ']')) end++;
                if (end < text.Length && text[end] == ']') { error = $"'{text}': ']' at {end + 1} has no '['"; return false; }
                steps.Add(new Step(text[i..end], IsSelector: false));
                i = end;
                expectField = false;
            }
        }
        if (steps.Count == 0 || expectField) { error = $"'{text}' is not a path; write e.g. cluster.controllers[ingress-nginx].kind"; return false; }
        path = new OverlayPath(steps);
        return true;
    }
}

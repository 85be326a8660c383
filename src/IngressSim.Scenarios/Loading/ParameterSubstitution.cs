using System.Text;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Loading;

/// <summary>
/// Replaces <c>${name}</c> in scalar values with parameter values before binding, so a parameter's
/// value is parsed and range-checked as the field it lands in; the substituted scalar keeps the
/// position of the reference and names its origin in errors. <c>$${</c> writes a literal <c>${</c>.
/// </summary>
public sealed class ParameterSubstitution(IReadOnlyDictionary<string, ParameterValue> values, DiagnosticBag diagnostics)
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    public IReadOnlySet<string> Used => _used;

    public SourceNode Apply(SourceNode node) => node switch
    {
        ScalarNode scalar when scalar.Value.Contains("${", StringComparison.Ordinal) => Substitute(scalar),
        MappingNode mapping => mapping with { Entries = mapping.Entries.Select(e => e with { Value = Apply(e.Value) }).ToList() },
        SequenceNode sequence => sequence with { Items = sequence.Items.Select(Apply).ToList() },
        _ => node,
    };

    private ScalarNode Substitute(ScalarNode scalar)
    {
        var text = scalar.Value;
        var result = new StringBuilder();
        var origins = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            if (text.AsSpan(i).StartsWith("$${")) { result.Append("${"); i += 3; continue; }
            if (!text.AsSpan(i).StartsWith("${")) { result.Append(text[i++]); continue; }
            int close = text.IndexOf('}', i + 2);
            if (close < 0)
            {
                diagnostics.Error(ScenarioCodes.UnresolvedParameter, $"'${{' without a closing '}}' in '{text}'", scalar.Location,
                    "write ${name}, or $${ for a literal ${");
                return scalar;
            }
            var name = text[(i + 2)..close].Trim();
            if (values.TryGetValue(name, out var value))
            {
                _used.Add(name);
                result.Append(value.Text);
                origins.Add(value.Origin);
            }
            else
            {
                diagnostics.Error(ScenarioCodes.UnresolvedParameter, $"unresolved parameter '${{{name}}}'", scalar.Location,
                    values.Count == 0 ? $"declare it under spec.parameters, e.g. {name}: <default>" : Suggestions.Hint(name, values.Keys.ToList()) is var hint && hint.StartsWith("did", StringComparison.Ordinal)
                        ? hint : $"declare it under spec.parameters or pass --param {name}=VALUE");
                result.Append(text, i, close - i + 1);
            }
            i = close + 1;
        }
        bool whole = origins.Count == 1 && text.Trim().StartsWith("${", StringComparison.Ordinal) && text.Trim().EndsWith('}') && text.IndexOf("${", 2, StringComparison.Ordinal) < 0;
        return scalar with
        {
            Value = result.ToString(),
            IsPlain = whole || scalar.IsPlain,
            Origin = origins.Count == 0 ? scalar.Origin : string.Join(", ", origins),
        };
    }
}

/// <summary>A parameter's effective value and where it came from (the scenario's default or <c>--param</c>).</summary>
public sealed record ParameterValue(string Text, string Origin);

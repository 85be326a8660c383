using System.Text.RegularExpressions;
using IngressSim.Engine.Time;

namespace IngressSim.Scenarios.Alerts;

/// <summary>
/// A parsed, type-checked alert expression (the PromQL subset of <see cref="AlertExpressionParser"/>):
/// every node yields one value per reporting window. A selector is the sum over every series it matches
/// (as if wrapped in <c>sum()</c>), so a rule is one alert, not one per label set.
/// </summary>
public abstract record AlertQuery;

public sealed record ScalarLiteral(double Value) : AlertQuery;

/// <summary><c>rate(c[r])</c> (per second), <c>increase(c[r])</c> (count), or a raw counter (total since the start: <paramref name="Range"/> null).</summary>
public sealed record CounterQuery(MetricSelector Selector, Duration? Range, bool PerSecond) : AlertQuery;

/// <summary><c>histogram_quantile(φ, h)</c> over the observations of one window, or of the last <paramref name="Range"/>.</summary>
public sealed record QuantileQuery(double Quantile, MetricSelector Selector, Duration? Range) : AlertQuery;

/// <summary>A gauge at the window's end, or <c>max_over_time</c> / <c>min_over_time</c> / <c>avg_over_time</c> of its window values.</summary>
public sealed record GaugeQuery(MetricSelector Selector, Duration? Range, OverTime Aggregation) : AlertQuery;

public enum OverTime : byte { Last, Max, Min, Avg }

public sealed record ArithmeticQuery(char Operator, AlertQuery Left, AlertQuery Right) : AlertQuery;

/// <summary>A metric name with its label matchers.</summary>
public sealed record MetricSelector(AlertMetric Metric, IReadOnlyList<LabelMatcher> Matchers)
{
    /// <summary>True when every matcher accepts the series' labels (a label the series lacks is the empty string, as in PromQL).</summary>
    public bool Matches(Func<string, string> labelValue)
    {
        foreach (var matcher in Matchers)
            if (!matcher.Matches(labelValue(matcher.Label))) return false;
        return true;
    }
}

public enum MatchOperator : byte { Equal, NotEqual, Regex, NotRegex }

/// <summary><c>label="v"</c>, <c>!=</c>, <c>=~</c>, <c>!~</c>; regexes are fully anchored, as in PromQL.</summary>
public sealed record LabelMatcher(string Label, MatchOperator Operator, string Value)
{
    private readonly Regex? _regex = Operator is MatchOperator.Regex or MatchOperator.NotRegex
        ? new Regex($"^(?:{Value})$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1))
        : null;

    public bool Matches(string value) => Operator switch
    {
        MatchOperator.Equal => value == Value,
        MatchOperator.NotEqual => value != Value,
        MatchOperator.Regex => _regex!.IsMatch(value),
        _ => !_regex!.IsMatch(value),
    };
}

public enum Comparison : byte { Greater, GreaterOrEqual, Less, LessOrEqual, Equal, NotEqual }

/// <summary>A whole rule expression: a value compared with a threshold, e.g. <c>... &gt; 0.1</c>.</summary>
public sealed record AlertCondition(AlertQuery Value, Comparison Comparison, double Threshold)
{
    /// <summary>False for NaN (no data), as a PromQL comparison drops a NaN sample.</summary>
    public bool Holds(double value) => Comparison switch
    {
        Comparison.Greater => value > Threshold,
        Comparison.GreaterOrEqual => value >= Threshold,
        Comparison.Less => value < Threshold,
        Comparison.LessOrEqual => value <= Threshold,
        Comparison.Equal => value == Threshold,
        _ => !double.IsNaN(value) && value != Threshold,
    };

    /// <summary>Whether <paramref name="candidate"/> is further into alert territory than <paramref name="peak"/> (lower for a &lt; rule).</summary>
    public bool IsMoreExtreme(double candidate, double peak) =>
        Comparison is Comparison.Less or Comparison.LessOrEqual ? candidate < peak : candidate > peak;
}

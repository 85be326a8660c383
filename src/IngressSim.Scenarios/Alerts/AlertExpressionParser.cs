using System.Globalization;
using System.Text.RegularExpressions;
using IngressSim.Engine.Time;

namespace IngressSim.Scenarios.Alerts;

/// <summary>A problem in an alert expression at a character offset of its text.</summary>
public sealed record AlertExpressionError(int Position, string Message, string Hint);

/// <summary>
/// Parses the PromQL subset alert rules are written in (prometheus.io/docs/prometheus/latest/querying):
/// <code>
/// rule     := expr ( '&gt;' | '&gt;=' | '&lt;' | '&lt;=' | '==' | '!=' ) number
/// expr     := term (('+' | '-') term)*        term := unary (('*' | '/') unary)*
/// unary    := '-' unary | number | '(' expr ')' | call | selector
/// call     := rate(sel[d]) | increase(sel[d]) | histogram_quantile(φ, h) | sum(expr) [by (le)] | sum by (le) (expr)
///           | max_over_time(sel[d]) | min_over_time(sel[d]) | avg_over_time(sel[d]) | max(per-replica gauge expr)
/// selector := metric ['{' label op "value" (',' ...)* '}'] ['[' duration ']']      op := = | != | =~ | !~
/// h        := histogram selector, or rate(histogram_bucket[d])
/// </code>
/// Types are checked as Prometheus would (a range only inside a function, a counter's rate, a histogram
/// only in histogram_quantile); ranges must be whole multiples of the reporting window, which is the
/// evaluation interval. The first problem stops the parse and is reported with its offset.
/// </summary>
public sealed class AlertExpressionParser
{
    private readonly string _text;
    private readonly Duration _window;
    private int _pos;

    private AlertExpressionParser(string text, Duration window)
    {
        _text = text;
        _window = window;
    }

    /// <param name="window">The scenario's reporting window: rules are evaluated at each window's end.</param>
    public static AlertCondition Parse(string text, Duration window) =>
        TryParse(text, window, out var condition, out var error) ? condition : throw new FormatException(error.Message);

    public static bool TryParse(string text, Duration window, out AlertCondition condition, out AlertExpressionError error)
    {
        var parser = new AlertExpressionParser(text, window);
        try
        {
            condition = parser.Rule();
            error = null!;
            return true;
        }
        catch (ParseFailure failure)
        {
            condition = null!;
            error = failure.Error;
            return false;
        }
    }

    private sealed class ParseFailure(AlertExpressionError error) : Exception(error.Message)
    {
        public AlertExpressionError Error { get; } = error;
    }

    private static ParseFailure Fail(int position, string message, string hint) => new(new AlertExpressionError(position, message, hint));

    // ---- grammar -------------------------------------------------------------------------------

    private AlertCondition Rule()
    {
        SkipSpace();
        int start = _pos;
        var (value, type) = Value(Expr(), start);
        if (type != ValueType.Vector)
            throw Fail(start, "the expression has no metric in it", "compare a metric, e.g. rate(nginx_ingress_controller_requests[5m]) > 10");
        SkipSpace();
        int at = _pos;
        var comparison = ComparisonOperator()
            ?? throw Fail(at, AtEnd ? "expected a comparison at the end of the expression" : $"expected a comparison (>, >=, <, <=, ==, !=), found '{Peek()}'",
                "end the rule with a threshold, e.g. '> 0.1'");
        SkipSpace();
        int thresholdAt = _pos;
        var threshold = SignedNumber() ?? throw Fail(thresholdAt, "expected a number after the comparison", "write a threshold such as 0.1, 1e-3 or -Inf");
        SkipSpace();
        if (!AtEnd) throw Fail(_pos, $"unexpected '{Rest()}' after the threshold", "a rule is one comparison: remove the rest (and/or/unless are not supported)");
        return new AlertCondition(value, comparison, threshold);
    }

    private enum ValueType { Scalar, Vector, Range, Histogram }

    private (AlertQuery Query, ValueType Type) Expr()
    {
        var left = Term();
        while (true)
        {
            SkipSpace();
            if (AtEnd || (Peek() != '+' && Peek() != '-')) return left;
            char op = _text[_pos++];
            left = Combine(op, left, Term());
        }
    }

    private (AlertQuery Query, ValueType Type) Term()
    {
        var left = Unary();
        while (true)
        {
            SkipSpace();
            if (AtEnd || (Peek() != '*' && Peek() != '/')) return left;
            char op = _text[_pos++];
            left = Combine(op, left, Unary());
        }
    }

    private (AlertQuery, ValueType) Combine(char op, (AlertQuery Query, ValueType Type) left, (AlertQuery Query, ValueType Type) right)
    {
        Value(left, _pos);
        Value(right, _pos);
        return (new ArithmeticQuery(op, left.Query, right.Query),
            left.Type == ValueType.Vector || right.Type == ValueType.Vector ? ValueType.Vector : ValueType.Scalar);
    }

    private (AlertQuery Query, ValueType Type) Unary()
    {
        SkipSpace();
        int start = _pos;
        if (AtEnd) throw Fail(_pos, "the expression ends too early", "complete the expression before the comparison");
        if (Peek() == '-')
        {
            _pos++;
            var operand = Unary();
            return (new ArithmeticQuery('*', new ScalarLiteral(-1), operand.Query), operand.Type);
        }
        if (Peek() == '(')
        {
            _pos++;
            var inner = Value(Expr(), start);
            Expect(')', "close the parenthesis");
            return inner;
        }
        if (Number() is { } number) return (new ScalarLiteral(number), ValueType.Scalar);
        if (!IsIdentifierStart(Peek()))
            throw Fail(_pos, $"unexpected '{Peek()}'", "expected a number, a metric name, a function call or '('");
        string name = Identifier();
        SkipSpace();
        if (!AtEnd && Peek() == '(' || name is "sum" && NextWordIs("by")) return Call(name, start);
        return Selector(name, start);
    }

    /// <summary>An operand of arithmetic or comparison must be a number or an instant value, not a bare range or histogram.</summary>
    private (AlertQuery, ValueType) Value((AlertQuery Query, ValueType Type) operand, int at) => operand.Type switch
    {
        ValueType.Range => throw Fail(at, "a range selector cannot be used on its own",
            "wrap it in rate(), increase() or max_over_time()/min_over_time()/avg_over_time()"),
        ValueType.Histogram => throw Fail(at, "a histogram cannot be used on its own", "take a quantile: histogram_quantile(0.99, ...)"),
        _ => operand,
    };

    private (AlertQuery Query, ValueType Type) Selector(string name, int start)
    {
        if (AlertMetrics.Find(name) is not { } found)
            throw Fail(start, $"unknown metric '{name}'",
                Binding.Suggestions.Hint(name, AlertMetrics.All.Select(m => m.Name).ToList()) + $" (metrics: {string.Join(", ", AlertMetrics.All.Select(m => m.Name))})");
        var matchers = new List<LabelMatcher>();
        SkipSpace();
        if (!AtEnd && Peek() == '{') Matchers(found.Name, matchers);
        var selector = new MetricSelector(found.Name.Metric, matchers);
        SkipSpace();
        Duration? range = null;
        int rangeAt = _pos;
        if (!AtEnd && Peek() == '[') range = Range();
        var type = found.UsedAs switch
        {
            MetricType.Histogram => ValueType.Histogram,
            _ => range is null ? ValueType.Vector : ValueType.Range,
        };
        if (range is not null && found.UsedAs == MetricType.Histogram && !_inRate)
            throw Fail(rangeAt, "a histogram takes a range only inside rate()", $"write histogram_quantile(0.99, rate({name}[5m]))");
        AlertQuery query = found.UsedAs == MetricType.Counter
            ? new CounterQuery(selector, range, PerSecond: false)
            : found.UsedAs == MetricType.Gauge ? new GaugeQuery(selector, range, OverTime.Last) : new QuantileQuery(double.NaN, selector, range);
        return (query, type);
    }

    private void Matchers(MetricName metric, List<LabelMatcher> matchers)
    {
        _pos++; // '{'
        while (true)
        {
            SkipSpace();
            if (!AtEnd && Peek() == '}') { _pos++; return; }
            int labelAt = _pos;
            if (AtEnd || !IsIdentifierStart(Peek())) throw Fail(_pos, "expected a label name", $"labels of {metric.Name}: {string.Join(", ", metric.Labels)}");
            string label = Identifier();
            if (!metric.Labels.Contains(label))
                throw Fail(labelAt, $"{metric.Name} has no label '{label}'",
                    metric.Labels.Count == 0 ? "it has no labels" : Binding.Suggestions.Hint(label, metric.Labels.ToList()) + $" (labels: {string.Join(", ", metric.Labels)})");
            SkipSpace();
            int opAt = _pos;
            var op = Take("=~") ? MatchOperator.Regex : Take("!~") ? MatchOperator.NotRegex : Take("!=") ? MatchOperator.NotEqual
                : Take("=") ? MatchOperator.Equal : throw Fail(opAt, "expected a label matcher (=, !=, =~, !~)", $"write {label}=\"value\"");
            SkipSpace();
            int valueAt = _pos;
            string value = QuotedString();
            if (op is MatchOperator.Regex or MatchOperator.NotRegex)
            {
                try { _ = new Regex(value, RegexOptions.CultureInvariant); }
                catch (ArgumentException e) { throw Fail(valueAt, $"invalid regular expression: {e.Message}", "check the brackets and escapes of the pattern"); }
            }
            if (metric.Metric == AlertMetric.ActiveConnections && label == AlertMetrics.StateLabel && !(op == MatchOperator.Equal && value == "active"))
                throw Fail(valueAt, "the simulator records only state=\"active\" connections", "write state=\"active\" or leave the label out");
            matchers.Add(new LabelMatcher(label, op, value));
            SkipSpace();
            if (Take(",")) continue;
            if (Take("}")) return;
            throw Fail(_pos, AtEnd ? "the label matchers are not closed" : $"expected ',' or '}}', found '{Peek()}'", "close the matchers with '}'");
        }
    }

    private Duration Range()
    {
        int start = ++_pos; // '['
        int close = _text.IndexOf(']', start);
        if (close < 0) throw Fail(start - 1, "the range is not closed", "write e.g. [5m]");
        string text = _text[start..close].Trim();
        if (!Duration.TryParse(text, out var range, out var problem))
            throw Fail(start, $"'{text}' is not a duration: {problem}", "write e.g. [30s], [5m] or [1h]");
        if (range < _window || range.Nanoseconds % _window.Nanoseconds != 0)
            throw Fail(start, $"the range {text} is not a whole number of reporting windows ({_window})",
                $"rules are evaluated at the end of each {_window} window: use a multiple of it, or change spec.window");
        _pos = close + 1;
        return range;
    }

    private (AlertQuery Query, ValueType Type) Call(string name, int start)
    {
        switch (name)
        {
            case "rate" or "increase":
            {
                Expect('(', $"write {name}(metric[5m])");
                bool outer = _inRate;
                _inRate = name == "rate";
                var (query, type) = Expr();
                _inRate = outer;
                Expect(')', $"close {name}(");
                return query switch
                {
                    CounterQuery { Range: not null } c when type == ValueType.Range => (c with { PerSecond = name == "rate" }, ValueType.Vector),
                    QuantileQuery { Range: not null } q when type == ValueType.Histogram => (q, ValueType.Histogram),
                    GaugeQuery => throw Fail(start, $"{name}() of a gauge", "a gauge is not a counter: use max_over_time(...[5m]) or compare it directly"),
                    _ => throw Fail(start, $"{name}() takes a counter with a range, e.g. {name}(nginx_ingress_controller_requests[5m])",
                        "add a range [5m] to the counter inside"),
                };
            }
            case "histogram_quantile":
            {
                Expect('(', "write histogram_quantile(0.99, metric)");
                SkipSpace();
                int phiAt = _pos;
                double phi = Number() ?? throw Fail(phiAt, "histogram_quantile's first argument must be a number", "write a quantile such as 0.99");
                if (!(phi > 0 && phi <= 1)) throw Fail(phiAt, $"the quantile {phi.ToString(CultureInfo.InvariantCulture)} is outside (0, 1]", "write e.g. 0.5, 0.95 or 0.99");
                Expect(',', "separate the quantile and the histogram with ','");
                SkipSpace();
                int histogramAt = _pos;
                var (query, type) = Expr();
                Expect(')', "close histogram_quantile(");
                if (type != ValueType.Histogram || query is not QuantileQuery q)
                    throw Fail(histogramAt, "histogram_quantile takes a histogram",
                        "e.g. nginx_ingress_controller_request_duration_seconds_bucket or nginx_ingress_controller_config_last_reload_duration_seconds_bucket");
                if (q.Selector.Metric == AlertMetric.RequestDuration)
                {
                    if (q.Range is { } r && r != _window)
                        throw Fail(histogramAt, $"request latency is recorded as quantiles per {_window} window; a quantile over {r} cannot be rebuilt from them",
                            $"use rate(...[{_window}]) or no range, and 'for:' to require the condition over a longer time");
                    if (!RecordedRequestQuantiles.Contains(phi))
                        throw Fail(phiAt, $"request latency quantiles are recorded for 0.5, 0.95, 0.99 and 0.999, not {phi.ToString(CultureInfo.InvariantCulture)}",
                            "use one of 0.5, 0.95, 0.99, 0.999");
                    if (q.Selector.Matchers.Any(m => m.Operator != MatchOperator.Equal))
                        throw Fail(histogramAt, "a request latency quantile is per Service or over all requests: select with service=\"name\" (and namespace=\"ns\")",
                            "per-window quantiles of several Services cannot be merged");
                }
                return (q with { Quantile = phi, Range = q.Selector.Metric == AlertMetric.RequestDuration ? null : q.Range }, ValueType.Vector);
            }
            case "sum":
            {
                SkipSpace();
                if (NextWordIs("by")) { Identifier(); ByLe(); }
                Expect('(', "write sum(expr)");
                var inner = Expr();
                Expect(')', "close sum(");
                SkipSpace();
                if (NextWordIs("by")) { Identifier(); ByLe(); }
                return inner;
            }
            case "max":
            {
                Expect('(', "write max(gauge)");
                SkipSpace();
                int innerAt = _pos;
                var inner = Expr();
                Expect(')', "close max(");
                if (inner.Query is not GaugeQuery g || inner.Type != ValueType.Vector || !AlertMetrics.IsBusiestReplicaGauge(g.Selector.Metric))
                    throw Fail(innerAt, "max() takes one of the per-replica nginx gauges (no range)",
                        "e.g. max(nginx_ingress_controller_nginx_process_resident_memory_bytes); a selector already sums every other series it matches");
                return inner;
            }
            case "max_over_time" or "min_over_time" or "avg_over_time":
            {
                Expect('(', $"write {name}(gauge[5m])");
                var (query, type) = Expr();
                Expect(')', $"close {name}(");
                if (query is not GaugeQuery { Range: not null } g || type != ValueType.Range)
                    throw Fail(start, $"{name}() takes a gauge with a range, e.g. {name}(nginx_ingress_controller_nginx_process_connections[5m])",
                        "for a counter use rate() or increase()");
                return (g with { Aggregation = name switch { "max_over_time" => OverTime.Max, "min_over_time" => OverTime.Min, _ => OverTime.Avg } }, ValueType.Vector);
            }
            default:
                throw Fail(start, $"unknown or unsupported function '{name}'",
                    "supported: rate, increase, histogram_quantile, sum, max, max_over_time, min_over_time, avg_over_time");
        }
    }

    /// <summary>Parsing the argument of rate(): the one place a histogram takes a range (<c>rate(h_bucket[5m])</c>).</summary>
    private bool _inRate;

    /// <summary><c>by (le)</c>: the only grouping the subset accepts (histogram_quantile needs the buckets; everything else is summed).</summary>
    private void ByLe()
    {
        Expect('(', "write by (le)");
        SkipSpace();
        int at = _pos;
        string label = IsIdentifierStart(Peek()) ? Identifier() : "";
        if (label != "le")
            throw Fail(at, "only 'by (le)' is supported: a rule is one alert over every series it selects",
                "select one Service with {service=\"name\"} instead of grouping by it");
        Expect(')', "close by (");
    }

    // ---- tokens --------------------------------------------------------------------------------

    private static readonly double[] RecordedRequestQuantiles = [0.5, 0.95, 0.99, 0.999];

    private bool AtEnd => _pos >= _text.Length;

    private char Peek() => _text[_pos];

    private string Rest() => _text[_pos..].Length > 20 ? _text[_pos..(_pos + 20)] + "..." : _text[_pos..];

    private void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(Peek())) _pos++;
    }

    private bool Take(string token)
    {
        if (string.CompareOrdinal(_text, _pos, token, 0, token.Length) != 0) return false;
        _pos += token.Length;
        return true;
    }

    private void Expect(char c, string hint)
    {
        SkipSpace();
        if (!AtEnd && Peek() == c) { _pos++; return; }
        throw Fail(_pos, AtEnd ? $"expected '{c}', the expression ended" : $"expected '{c}', found '{Peek()}'", hint);
    }

    private bool NextWordIs(string word)
    {
        int save = _pos;
        SkipSpace();
        bool match = !AtEnd && IsIdentifierStart(Peek()) && Identifier() == word;
        _pos = save;
        if (match) SkipSpace();
        return match;
    }

    private static bool IsIdentifierStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_' or ':';

    private static bool IsIdentifierPart(char c) => IsIdentifierStart(c) || char.IsAsciiDigit(c);

    private string Identifier()
    {
        int start = _pos;
        while (!AtEnd && IsIdentifierPart(Peek())) _pos++;
        return _text[start.._pos];
    }

    private double? Number()
    {
        int start = _pos;
        if (!AtEnd && IsIdentifierStart(Peek()))
        {
            string word = Identifier();
            if (word.Equals("Inf", StringComparison.OrdinalIgnoreCase)) return double.PositiveInfinity;
            if (word.Equals("NaN", StringComparison.OrdinalIgnoreCase)) return double.NaN;
            _pos = start;
            return null;
        }
        while (!AtEnd && (char.IsAsciiDigit(Peek()) || Peek() == '.')) _pos++;
        if (_pos == start) return null;
        if (!AtEnd && (Peek() == 'e' || Peek() == 'E'))
        {
            int mark = _pos++;
            if (!AtEnd && (Peek() == '+' || Peek() == '-')) _pos++;
            int digits = _pos;
            while (!AtEnd && char.IsAsciiDigit(Peek())) _pos++;
            if (_pos == digits) _pos = mark;
        }
        if (!double.TryParse(_text.AsSpan(start, _pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw Fail(start, $"'{_text[start.._pos]}' is not a number", "write e.g. 0.1 or 1e-3");
        return value;
    }

    private double? SignedNumber()
    {
        double sign = Take("-") ? -1 : Take("+") ? 1 : 1;
        SkipSpace();
        return Number() is { } n ? sign * n : null;
    }

    private Comparison? ComparisonOperator() =>
        Take(">=") ? Comparison.GreaterOrEqual : Take("<=") ? Comparison.LessOrEqual : Take("==") ? Comparison.Equal
        : Take("!=") ? Comparison.NotEqual : Take(">") ? Comparison.Greater : Take("<") ? Comparison.Less : null;

    private string QuotedString()
    {
        if (AtEnd || (Peek() != '"' && Peek() != '\'')) throw Fail(_pos, "expected a quoted label value", "write the value in double quotes, e.g. status=~\"5..\"");
        char quote = _text[_pos++];
        var value = new System.Text.StringBuilder();
        int start = _pos - 1;
        while (!AtEnd && Peek() != quote)
        {
            char c = _text[_pos++];
            if (c == '\\' && !AtEnd) c = _text[_pos++] switch { 'n' => '\n', 't' => '\t', var other => other };
            value.Append(c);
        }
        if (AtEnd) throw Fail(start, "the label value's quote is not closed", $"end it with {quote}");
        _pos++;
        return value.ToString();
    }
}

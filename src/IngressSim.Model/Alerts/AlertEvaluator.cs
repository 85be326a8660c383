using IngressSim.Model.Metrics;
using IngressSim.Scenarios.Alerts;

namespace IngressSim.Model.Alerts;

/// <summary>An ingress controller replica's labels: its pod name, controller and namespace.</summary>
public sealed record ReplicaLabels(string Pod, string Controller, string Namespace);

/// <summary>
/// Evaluates a scenario's alert rules at the end of every window of a finished run: each expression
/// becomes one value per window — from the sampler's window rows (requests, latency, connections), the
/// reload log (reload durations, observed when a reload ends; reloads, counted when it starts) and the
/// timeline (controller restarts) — and the values go through <see cref="AlertStateMachine"/>.
/// Reloads and restarts past the logs' cap (<see cref="RunResult.ReloadsDropped"/>, <see cref="RunResult.TimelineDropped"/>) are not seen.
/// </summary>
public sealed class AlertEvaluator
{
    private readonly RunResult _result;
    private readonly AlertSampler _sampler;
    private readonly IReadOnlyDictionary<string, ReplicaLabels> _replicas;
    private readonly double[] _ends;
    private readonly double[] _lengths;
    private readonly double _windowSeconds;

    public AlertEvaluator(RunResult result, AlertSampler sampler, IReadOnlyList<ReplicaLabels> replicas)
    {
        _result = result;
        _sampler = sampler;
        _replicas = replicas.ToDictionary(r => r.Pod, StringComparer.Ordinal);
        _ends = result.Windows.Select(w => w.EndSeconds).ToArray();
        _lengths = result.Windows.Select(w => w.EndSeconds - w.StartSeconds).ToArray();
        _windowSeconds = result.WindowSeconds;
    }

    public IReadOnlyList<AlertResult> Evaluate(IReadOnlyList<AlertSpec> specs, IReadOnlyList<AlertCondition> conditions)
    {
        var results = new AlertResult[specs.Count];
        for (int i = 0; i < specs.Count; i++)
        {
            var values = ValuesOf(conditions[i].Value);
            var firings = AlertStateMachine.Run(_ends, values, conditions[i], specs[i].For.TotalSeconds);
            results[i] = new AlertResult(specs[i].Name, specs[i].Description, specs[i].Severity == AlertSeverity.Critical ? "critical" : "warning",
                specs[i].Expr, firings);
        }
        return results;
    }

    /// <summary>The expression's value at the end of every window.</summary>
    public double[] ValuesOf(AlertQuery query) => query switch
    {
        ScalarLiteral s => Enumerable.Repeat(s.Value, _ends.Length).ToArray(),
        ArithmeticQuery a => Combine(a.Operator, ValuesOf(a.Left), ValuesOf(a.Right)),
        CounterQuery c => Counter(c),
        QuantileQuery q => Quantile(q),
        GaugeQuery g => Gauge(g),
        _ => throw new ArgumentOutOfRangeException(nameof(query), query, "unknown query node"),
    };

    private static double[] Combine(char op, double[] left, double[] right)
    {
        var values = new double[left.Length];
        for (int i = 0; i < values.Length; i++)
            values[i] = op switch { '+' => left[i] + right[i], '-' => left[i] - right[i], '*' => left[i] * right[i], _ => left[i] / right[i] };
        return values;
    }

    private double[] Counter(CounterQuery query)
    {
        var perWindow = query.Selector.Metric switch
        {
            AlertMetric.Requests => _sampler.ValuesOf(query.Selector).ToArray(),
            AlertMetric.Reloads => CountPerWindow(_result.ReloadLog.Where(r => Selects(query.Selector, r)).Select(r => r.Start.TotalSeconds)),
            AlertMetric.ControllerRestarts => CountPerWindow(_result.Timeline.Where(e => e.Kind == "restart" && SelectsRestart(query.Selector, e.Subject))
                .Select(e => e.At.TotalSeconds)),
            _ => throw new ArgumentOutOfRangeException(nameof(query), query.Selector.Metric, "not a counter"),
        };
        var values = new double[perWindow.Length];
        if (query.Range is not { } range)
        {
            double total = 0; // a raw counter: its running total since the start
            for (int i = 0; i < values.Length; i++) values[i] = total += perWindow[i];
            return values;
        }
        int k = Windows(range.TotalSeconds);
        for (int i = 0; i < values.Length; i++)
        {
            double sum = 0, seconds = 0;
            for (int j = Math.Max(0, i - k + 1); j <= i; j++) { sum += perWindow[j]; seconds += _lengths[j]; }
            values[i] = query.PerSecond ? sum / seconds : sum;
        }
        return values;
    }

    private double[] Quantile(QuantileQuery query)
    {
        if (query.Selector.Metric == AlertMetric.RequestDuration) return _sampler.ValuesOf(query.Selector).ToArray();
        var byWindow = new List<double>[_ends.Length];
        foreach (var reload in _result.ReloadLog)
            if (Selects(query.Selector, reload))
                (byWindow[WindowOf((reload.Start + reload.Duration).TotalSeconds)] ??= []).Add(reload.Duration.TotalSeconds);
        int k = query.Range is { } range ? Windows(range.TotalSeconds) : 1;
        var values = new double[_ends.Length];
        var observed = new List<double>();
        for (int i = 0; i < values.Length; i++)
        {
            observed.Clear();
            for (int j = Math.Max(0, i - k + 1); j <= i; j++)
                if (byWindow[j] is { } durations) observed.AddRange(durations);
            values[i] = QuantileOf(observed, query.Quantile);
        }
        return values;
    }

    /// <summary>The exact quantile with the rank rule of the latency percentiles, <c>(long)(φ·n + 0.5)</c> (TOOLCHAIN.md); NaN without observations.</summary>
    public static double QuantileOf(List<double> observed, double quantile)
    {
        if (observed.Count == 0) return double.NaN;
        observed.Sort();
        long rank = Math.Clamp((long)(quantile * observed.Count + 0.5), 1, observed.Count);
        return observed[(int)rank - 1];
    }

    private double[] Gauge(GaugeQuery query)
    {
        var level = _sampler.ValuesOf(query.Selector);
        if (query.Aggregation == OverTime.Last) return level.ToArray();
        int k = Windows(query.Range!.Value.TotalSeconds);
        var values = new double[level.Count];
        for (int i = 0; i < values.Length; i++)
        {
            var span = Enumerable.Range(Math.Max(0, i - k + 1), Math.Min(k, i + 1)).Select(j => level[j]).Where(v => !double.IsNaN(v)).ToArray();
            values[i] = span.Length == 0 ? double.NaN : query.Aggregation switch
            {
                OverTime.Max => span.Max(),
                OverTime.Min => span.Min(),
                _ => span.Average(),
            };
        }
        return values;
    }

    private double[] CountPerWindow(IEnumerable<double> times)
    {
        var counts = new double[_ends.Length];
        foreach (double t in times) counts[WindowOf(t)]++;
        return counts;
    }

    // The parser allows only ranges that are whole windows.
    private int Windows(double rangeSeconds) => Math.Max(1, (int)Math.Round(rangeSeconds / _windowSeconds));

    private int WindowOf(double seconds) => Math.Clamp((int)(seconds / _windowSeconds), 0, _ends.Length - 1);

    private static bool Selects(MetricSelector selector, ReloadRecord reload) =>
        selector.Matches(label => label == AlertMetrics.ControllerLabel ? reload.Controller : "");

    private bool SelectsRestart(MetricSelector selector, string pod) =>
        _replicas.TryGetValue(pod, out var replica) && selector.Matches(label => label switch
        {
            AlertMetrics.PodLabel => replica.Pod,
            AlertMetrics.ControllerLabel => replica.Controller,
            AlertMetrics.NamespaceLabel => replica.Namespace,
            _ => "",
        });
}

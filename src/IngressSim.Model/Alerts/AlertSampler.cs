using IngressSim.Model.Metrics;
using IngressSim.Scenarios.Alerts;

namespace IngressSim.Model.Alerts;

/// <summary>
/// A window sink in front of the results' sink: as each window's rows pass, keeps the one number per
/// window that each rule's request and connection selectors need (requests of the selected statuses,
/// a latency quantile, open connections, nginx memory), then forwards the row. Memory: one double per window and
/// selector — the size of the plots' window points, never of the requests.
/// </summary>
public sealed class AlertSampler : IWindowSink
{
    private readonly IWindowSink _next;
    private readonly List<Probe> _probes = [];
    private readonly Dictionary<MetricSelector, Probe> _bySelector = new(ReferenceEqualityComparer.Instance);

    public AlertSampler(IEnumerable<AlertCondition> rules, IWindowSink next)
    {
        _next = next;
        foreach (var rule in rules) Collect(rule.Value);
    }

    /// <summary>Open client connections at each window's end ("all" series); always kept, the cost estimate reads their mean.</summary>
    public List<double> ActiveConnections { get; } = [];

    /// <summary>The per-window values of a selector the sampler was built with.</summary>
    public IReadOnlyList<double> ValuesOf(MetricSelector selector) => _bySelector[selector].Values;

    public void Write(in SeriesWindow row)
    {
        bool all = row.Series == MetricsRecorder.AllSeriesName;
        foreach (var probe in _probes) probe.Add(in row, all);
        if (all) ActiveConnections.Add(row.Gauges[Gauge.ActiveConnections]);
        _next.Write(in row);
    }

    private void Collect(AlertQuery query)
    {
        switch (query)
        {
            case ArithmeticQuery a:
                Collect(a.Left);
                Collect(a.Right);
                break;
            case CounterQuery { Selector.Metric: AlertMetric.Requests } c:
                Add(c.Selector, new RequestCountProbe(c.Selector));
                break;
            case QuantileQuery { Selector.Metric: AlertMetric.RequestDuration } q:
                Add(q.Selector, new LatencyQuantileProbe(q.Selector, q.Quantile));
                break;
            case GaugeQuery g:
                Add(g.Selector, new GaugeProbe(g.Selector, GaugeOf(g.Selector.Metric)));
                break;
        }
    }

    private static Gauge GaugeOf(AlertMetric metric) => metric switch
    {
        AlertMetric.ActiveConnections => Gauge.ActiveConnections,
        AlertMetric.NginxResidentMemory => Gauge.NginxResidentMemory,
        AlertMetric.NginxProcesses => Gauge.NginxProcesses,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "not a gauge"),
    };

    private void Add(MetricSelector selector, Probe probe)
    {
        _probes.Add(probe);
        _bySelector.Add(selector, probe);
    }

    private static string LabelOf(string series, string label) =>
        label == AlertMetrics.ServiceLabel ? SeriesLabels.Service(series) : SeriesLabels.Namespace(series);

    private abstract class Probe(MetricSelector selector)
    {
        public readonly List<double> Values = [];
        private readonly bool _bySeries = selector.Matchers.Any(m => m.Label is AlertMetrics.ServiceLabel or AlertMetrics.NamespaceLabel);
        private readonly Dictionary<string, bool> _seriesMatches = new(StringComparer.Ordinal);
        private double _window;
        private bool _seen;

        public void Add(in SeriesWindow row, bool all)
        {
            if (!_bySeries && all) _window = Accumulate(in row, _window, _seen);
            else if (_bySeries && !all && Selects(row.Series)) { _window = Accumulate(in row, _window, _seen); _seen = true; }
            if (!all) return;
            Values.Add(_bySeries && !_seen ? Empty : _window);
            _window = 0;
            _seen = false;
        }

        /// <summary>The value of a window none of whose rows matched.</summary>
        protected abstract double Empty { get; }

        protected abstract double Accumulate(in SeriesWindow row, double sofar, bool seen);

        private bool Selects(string series)
        {
            if (_seriesMatches.TryGetValue(series, out bool match)) return match;
            match = selector.Matchers
                .Where(m => m.Label is AlertMetrics.ServiceLabel or AlertMetrics.NamespaceLabel)
                .All(m => m.Matches(LabelOf(series, m.Label)));
            return _seriesMatches[series] = match;
        }
    }

    private sealed class RequestCountProbe : Probe
    {
        private readonly ResponseStatus[] _statuses;

        public RequestCountProbe(MetricSelector selector) : base(selector) =>
            _statuses = ResponseStatuses.All
                .Where(s => selector.Matchers.Where(m => m.Label == AlertMetrics.StatusLabel).All(m => m.Matches(SeriesLabels.Status(s))))
                .ToArray();

        protected override double Empty => 0;

        protected override double Accumulate(in SeriesWindow row, double sofar, bool seen)
        {
            long n = 0;
            foreach (var status in _statuses) n += row.Statuses[status];
            return sofar + n;
        }
    }

    /// <summary>Per-window quantiles cannot be merged, so a Service selector reads the first matching series (the parser allows only equality).</summary>
    private sealed class LatencyQuantileProbe(MetricSelector selector, double quantile) : Probe(selector)
    {
        protected override double Empty => double.NaN;

        protected override double Accumulate(in SeriesWindow row, double sofar, bool seen)
        {
            if (seen) return sofar;
            var l = row.Latency;
            double ms = quantile switch { 0.5 => l.P50Ms, 0.95 => l.P95Ms, 0.99 => l.P99Ms, _ => l.P999Ms };
            return ms / 1000;
        }
    }

    /// <summary>A cluster-wide level, read from the "all" row.</summary>
    private sealed class GaugeProbe(MetricSelector selector, Gauge gauge) : Probe(selector)
    {
        protected override double Empty => double.NaN;

        protected override double Accumulate(in SeriesWindow row, double sofar, bool seen) => row.Gauges[gauge];
    }
}

using System.Runtime.CompilerServices;

namespace IngressSim.Model.Metrics;

/// <summary>The last value of every <see cref="Gauge"/> of one series, inline; NaN = never set.</summary>
public struct GaugeValues
{
    [InlineArray(Gauges.Count)]
    private struct Buffer
    {
        private double _element0;
    }

    private Buffer _values;

    public static GaugeValues Unset
    {
        get
        {
            var values = new GaugeValues();
            ((Span<double>)values._values).Fill(double.NaN);
            return values;
        }
    }

    public readonly double this[Gauge gauge] => _values[(int)gauge];

    internal void Set(Gauge gauge, double value) => _values[(int)gauge] = value;
}

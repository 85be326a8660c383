using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IngressSim.Model.Alerts;
using IngressSim.Scenarios.Alerts;

namespace IngressSim.Model.Tests.Alerts;

/// <summary>Pending → firing after <c>for</c> → resolved, on synthetic 10 s windows.</summary>
public class AlertStateMachineTests
{
    private static readonly ScalarLiteral Any = new(0);

    private static AlertCondition Above(double threshold) => new(Any, Comparison.Greater, threshold);

    /// <summary>Window ends 10, 20, ... for the given values.</summary>
    private static IReadOnlyList<AlertFiring> Run(AlertCondition condition, double forSeconds, params double[] values) =>
        AlertStateMachine.Run(values.Select((_, i) => 10.0 * (i + 1)).ToArray(), values, condition, forSeconds);

    [Fact]
    public void ForZero_FiresAtTheFirstWindowThatHolds_ResolvesAtTheFirstThatDoesNot()
    {
        var firing = Assert.Single(Run(Above(1), 0, 0, 2, 3, 0.5, 0));
        Assert.Equal(new AlertFiring(20, 40, 3), firing);
    }

    [Fact]
    public void For_KeepsItPendingUntilHeldThatLong()
    {
        // Holds from 20 s: pending at 20 and 30, fires at 40 (held 20 s), resolves at 60.
        Assert.Equal([new AlertFiring(40, 60, 5)], Run(Above(1), 20, 0, 2, 2, 5, 2, 0));
    }

    [Fact]
    public void Pending_ThatStopsHolding_NeverFires_AndRestartsItsClock()
    {
        // Held 10 s, broke, then held 20 s from 50: fires at 70, not at 40.
        Assert.Equal([new AlertFiring(70, null, 2)], Run(Above(1), 20, 0, 2, 2, 0, 2, 2, 2));
    }

    [Fact]
    public void FiringInTheLastWindow_HasNoResolution()
    {
        var firing = Assert.Single(Run(Above(1), 0, 0, 0, 0, 9));
        Assert.Equal(40, firing.FiredAtSeconds);
        Assert.Null(firing.ResolvedAtSeconds);
        Assert.Equal(9, firing.PeakValue);
    }

    [Fact]
    public void NaN_IsNoData_AndResolves()
    {
        Assert.Equal([new AlertFiring(10, 20, 2), new AlertFiring(30, null, 4)], Run(Above(1), 0, 2, double.NaN, 4));
    }

    [Fact]
    public void BelowRule_PeakIsTheLowestValue()
    {
        var below = new AlertCondition(Any, Comparison.Less, 3);
        Assert.Equal([new AlertFiring(10, 40, 0.5)], Run(below, 0, 2, 0.5, 1, 3));
    }

    [Fact]
    public void EveryComparison_AsPromQLDefinesIt()
    {
        double[] values = [1, 2, 3];
        int Windows(Comparison c) => values.Count(v => new AlertCondition(Any, c, 2).Holds(v));
        Assert.Equal((1, 2, 1, 2, 1, 2), (Windows(Comparison.Greater), Windows(Comparison.GreaterOrEqual), Windows(Comparison.Less),
            Windows(Comparison.LessOrEqual), Windows(Comparison.Equal), Windows(Comparison.NotEqual)));
        Assert.False(new AlertCondition(Any, Comparison.NotEqual, 2).Holds(double.NaN));
    }

    private static Arbitrary<double[]> FiniteValues() =>
        ArbMap.Default.ArbFor<NormalFloat[]>().Convert(a => a.Select(f => f.Get).ToArray(), v => v.Select(d => NormalFloat.NewNormalFloat(d)).ToArray());

    [Property]
    public Property MinusInfinity_FiresOnceAtTheFirstEvaluation_AndNeverResolves() =>
        Prop.ForAll(FiniteValues(), values =>
        {
            var firings = Run(Above(double.NegativeInfinity), 0, values);
            return values.Length == 0 ? firings.Count == 0 : firings.Count == 1 && firings[0] is { FiredAtSeconds: 10, ResolvedAtSeconds: null };
        });

    [Property]
    public Property PlusInfinity_NeverFires() =>
        Prop.ForAll(FiniteValues(), values => Run(Above(double.PositiveInfinity), 0, values).Count == 0);

    [Property]
    public Property Firings_AreOrdered_DoNotOverlap_AndRespectFor() =>
        Prop.ForAll(FiniteValues(), Gen.Choose(0, 5).ToArbitrary(), (values, forWindows) =>
        {
            var firings = Run(Above(0), 10.0 * forWindows, values);
            double last = double.NegativeInfinity;
            foreach (var f in firings)
            {
                if (f.FiredAtSeconds < last || f.FiredAtSeconds < 10 * (forWindows + 1)) return false;
                if (f.ResolvedAtSeconds is { } r && r <= f.FiredAtSeconds) return false;
                if (!(f.PeakValue > 0)) return false;
                last = f.ResolvedAtSeconds ?? double.PositiveInfinity;
            }
            return firings.Take(firings.Count - 1).All(f => f.ResolvedAtSeconds is not null);
        });

    [Fact]
    public void ExactQuantile_UsesTheLatencyRankRule()
    {
        var values = new List<double> { 5, 1, 4, 2, 3 };
        Assert.Equal(3, AlertEvaluator.QuantileOf(values, 0.5)); // rank (long)(2.5 + 0.5) = 3
        Assert.Equal(5, AlertEvaluator.QuantileOf(values, 0.99));
        Assert.Equal(1, AlertEvaluator.QuantileOf(values, 0.01));
        Assert.True(double.IsNaN(AlertEvaluator.QuantileOf([], 0.99)));
    }
}

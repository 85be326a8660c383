using IngressSim.Scenarios.Alerts;

namespace IngressSim.Model.Alerts;

/// <summary>
/// Prometheus' alerting-rule states over a sequence of evaluations (prometheus.io alerting rules:
/// "for"): inactive → pending when the condition first holds → firing once it has held for
/// <c>for</c> → inactive again (resolved) at the first evaluation where it does not. A NaN value (no
/// data) does not hold. With <c>for</c> = 0 an alert fires at the first evaluation that holds.
/// </summary>
public static class AlertStateMachine
{
    // Evaluation times are window ends in seconds from integral nanoseconds: sums of them carry rounding, not real differences.
    private const double TimeTolerance = 1e-9;

    /// <param name="times">Evaluation times (seconds), ascending.</param>
    /// <param name="values">The expression's value at each evaluation.</param>
    public static IReadOnlyList<AlertFiring> Run(IReadOnlyList<double> times, IReadOnlyList<double> values, AlertCondition condition, double forSeconds)
    {
        if (times.Count != values.Count) throw new ArgumentException("one value per evaluation time", nameof(values));
        var firings = new List<AlertFiring>();
        bool pending = false, firing = false;
        double activeAt = 0, firedAt = 0, peak = 0;
        for (int i = 0; i < times.Count; i++)
        {
            double t = times[i], v = values[i];
            if (condition.Holds(v))
            {
                if (!pending && !firing) { pending = true; activeAt = t; }
                if (firing)
                {
                    if (condition.IsMoreExtreme(v, peak)) peak = v;
                }
                else if (t - activeAt >= forSeconds - TimeTolerance)
                {
                    firing = true;
                    pending = false;
                    firedAt = t;
                    peak = v;
                }
            }
            else
            {
                if (firing) firings.Add(new AlertFiring(firedAt, t, peak));
                pending = firing = false;
            }
        }
        if (firing) firings.Add(new AlertFiring(firedAt, null, peak));
        return firings;
    }
}

namespace IngressSim.Reporting.Narrative;

/// <summary>What crossing thresholds meant this minute: nothing, a rise above one, or a settled fall below one.</summary>
public abstract record LevelChange
{
    /// <summary>Now above <paramref name="Threshold"/>; <paramref name="FirstTime"/> when never that high before.</summary>
    public sealed record Up(double Threshold, bool FirstTime) : LevelChange;

    /// <summary>Back under <paramref name="Threshold"/> (the level that was reported) for two minutes in a row.</summary>
    public sealed record Down(double Threshold) : LevelChange;

    /// <summary>"p99 above 1.0 s for the first time (…)", "errors back under 1 % (…)".</summary>
    public string Sentence(string what, Func<double, string> format, string risingDetail, string fallingDetail) => this switch
    {
        Up up => $"{what} above {format(up.Threshold)} {(up.FirstTime ? "for the first time" : "again")} ({risingDetail})",
        Down down => $"{what} back under {format(down.Threshold)} ({fallingDetail})",
        _ => throw new InvalidOperationException(),
    };
}

/// <summary>
/// A value (a minute's worst window p99, its error rate) against ascending thresholds, with hysteresis:
/// a rise is told at once, a fall only after two calm minutes in a row (one calm minute in a storm is not
/// its end), so a value wobbling around a threshold is not narrated every minute.
/// </summary>
public sealed class ThresholdLevels(IReadOnlyList<double> thresholds)
{
    private int _level = -1, _highest = -1, _calmMinutes, _calmLevel;

    /// <returns>The change worth a sentence, or null.</returns>
    public LevelChange? Observe(double value)
    {
        int level = -1;
        for (int i = 0; i < thresholds.Count; i++)
            if (value > thresholds[i]) level = i;
        if (level > _level)
        {
            bool first = level > _highest;
            _level = level;
            _highest = Math.Max(_highest, level);
            _calmMinutes = 0;
            return new LevelChange.Up(thresholds[level], first);
        }
        if (level == _level)
        {
            _calmMinutes = 0;
            return null;
        }
        _calmLevel = _calmMinutes == 0 ? level : Math.Max(_calmLevel, level);
        if (++_calmMinutes < 2) return null;
        var down = new LevelChange.Down(thresholds[_level]);
        _level = _calmLevel;
        _calmMinutes = 0;
        return down;
    }
}

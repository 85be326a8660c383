using IngressSim.Engine.Time;

namespace IngressSim.Model.Controllers.Sync;

/// <summary>
/// Contour's DAG rebuild holdoff (CTR internal/contour/handler.go EventHandler, defaults from
/// cmd/contour/serve.go: holdoff 100 ms, max 500 ms; MODEL_FACTS §3). Each change that alters the cache
/// re-arms the timer for <c>holdoff</c>; but when more than <c>max</c> has passed since the last rebuild
/// the timer fires at once — so a steady stream of changes still rebuilds about every <c>max</c>, and the
/// first change after a quiet spell is applied without delay. The last-rebuild time starts at the
/// construction instant (Contour seeds it on start so the initial informer sync is batched). EDS updates
/// bypass the DAG and this holdoff.
/// </summary>
public sealed class Debouncer
{
    private readonly Duration _holdoff;
    private readonly Duration _max;
    private Instant _lastRebuild;

    public Debouncer(Duration holdoff, Duration max, Instant start)
    {
        if (holdoff.IsNegative) throw new ArgumentOutOfRangeException(nameof(holdoff), holdoff, "the holdoff cannot be negative");
        if (max.IsNegative) throw new ArgumentOutOfRangeException(nameof(max), max, "the maximum holdoff cannot be negative");
        _holdoff = holdoff;
        _max = max;
        _lastRebuild = start;
    }

    /// <summary>When the pending rebuild fires; null when no change is pending.</summary>
    public Instant? DueAt { get; private set; }

    /// <summary>Changes received since the last rebuild (Contour logs them as "outstanding").</summary>
    public int Outstanding { get; private set; }

    /// <summary>A change altered the cache; returns the rebuild's new due time (any earlier one is void).</summary>
    public Instant Changed(Instant now)
    {
        Outstanding++;
        var delay = now - _lastRebuild > _max ? Duration.Zero : _holdoff;
        DueAt = now + delay;
        return DueAt.Value;
    }

    /// <summary>Whether a timer firing at <paramref name="now"/> is the live one (earlier ones were re-armed).</summary>
    public bool IsDue(Instant now) => DueAt == now;

    /// <summary>The rebuild ran at its due time; returns how many changes it covered.</summary>
    public int Rebuilt(Instant now)
    {
        if (!IsDue(now)) throw new InvalidOperationException($"no rebuild is due at {now}");
        int covered = Outstanding;
        Outstanding = 0;
        DueAt = null;
        _lastRebuild = now;
        return covered;
    }
}

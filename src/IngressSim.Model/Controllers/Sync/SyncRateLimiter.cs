using IngressSim.Engine.Time;
using IngressSim.Scenarios.Units;

namespace IngressSim.Model.Controllers.Sync;

/// <summary>
/// ingress-nginx's sync loop as a pure state machine: one worker takes informer events from a task queue,
/// waits for a token, rebuilds the model from the cluster state at that moment and applies it. The caller
/// schedules the sync at the instant returned and reports when it finished.
/// <list type="bullet">
/// <item>Token bucket: <c>flowcontrol.NewTokenBucketRateLimiter(SyncRateLimit, 1)</c> and <c>Accept()</c>
/// at the top of every sync (ING internal/ingress/controller/nginx.go, controller.go syncIngress); burst 1,
/// so syncs start at least 1/rate apart and an idle bucket holds one token (MODEL_FACTS §1: 0.3/s).</item>
/// <item>Queue (ING internal/task/queue.go): the worker stamps the time it takes an event off the queue and,
/// after the sync, keeps it as <c>lastSync</c>; a skippable event enqueued before that stamp is dropped.
/// So events arriving while a sync waits or runs cause exactly one more sync, and a burst collapses.
/// ConfigMap events are not skippable (EnqueueTask in nginx.go Start): each gets its own sync.</item>
/// <item>The user's batching window (the war story's "wait 5 s before reload", MODEL_FACTS §10): not part
/// of ingress-nginx; a sync starts no earlier than the window after the first change it serves, and
/// collects every change that came while it waited (it reads the cluster state when it starts).</item>
/// </list>
/// </summary>
public sealed class SyncRateLimiter
{
    private readonly Duration _tokenInterval;
    private readonly Duration _batchWindow;
    private readonly Queue<QueuedEvent> _queue = new();
    private Instant? _lastStart;
    private Instant _lastDequeue;
    private Instant? _scheduledStart;

    public SyncRateLimiter(Rate syncRateLimit, Duration batchWindow)
    {
        if (!(syncRateLimit.PerSecond > 0) || double.IsInfinity(syncRateLimit.PerSecond))
            throw new ArgumentOutOfRangeException(nameof(syncRateLimit), syncRateLimit, "the sync rate limit must be positive and finite");
        if (batchWindow.IsNegative) throw new ArgumentOutOfRangeException(nameof(batchWindow), batchWindow, "the batching window cannot be negative");
        _tokenInterval = Duration.FromSecondsRounded(1 / syncRateLimit.PerSecond);
        _batchWindow = batchWindow;
    }

    /// <summary>Start of the sync the worker has taken on (waiting for its token or running); null when idle.</summary>
    public Instant? ScheduledSync => _scheduledStart;

    /// <summary>Skippable events dropped because a later sync already covered them.</summary>
    public long DroppedEvents { get; private set; }

    /// <summary>
    /// An informer event reaches the controller at <paramref name="now"/>. Returns when the sync it causes
    /// starts, or null when the worker is busy: the event waits in the queue and
    /// <see cref="SyncFinished"/> decides whether it needs another sync.
    /// </summary>
    /// <param name="skippable">False for ConfigMap events, which are never dropped.</param>
    public Instant? Enqueue(Instant now, bool skippable = true)
    {
        if (_scheduledStart is not null)
        {
            _queue.Enqueue(new QueuedEvent(now, skippable));
            return null;
        }
        return TakeOn(now, firstChange: now);
    }

    /// <summary>
    /// The sync started at <see cref="ScheduledSync"/> finished at <paramref name="now"/>. Returns the start
    /// of the next sync when queued events need one; null when the worker goes idle.
    /// </summary>
    public Instant? SyncFinished(Instant now)
    {
        if (_scheduledStart is not { } start) throw new InvalidOperationException("no sync is in progress");
        if (now < start) throw new ArgumentOutOfRangeException(nameof(now), now, $"the sync starts at {start}");
        _scheduledStart = null;
        while (_queue.TryDequeue(out var queued))
        {
            // queue.go worker: `if t.lastSync > item.Timestamp` the item is skipped.
            if (queued.Skippable && queued.At < _lastDequeue)
            {
                DroppedEvents++;
                continue;
            }
            return TakeOn(now, firstChange: queued.At);
        }
        return null;
    }

    private Instant TakeOn(Instant now, Instant firstChange)
    {
        var start = Instant.Max(now, firstChange + _batchWindow);
        if (_lastStart is { } last) start = Instant.Max(start, last + _tokenInterval);
        // Without a window, ingress-nginx's queue: only events taken off the queue by now are covered.
        _lastDequeue = _batchWindow > Duration.Zero ? start : now;
        _lastStart = start;
        _scheduledStart = start;
        return start;
    }

    private readonly record struct QueuedEvent(Instant At, bool Skippable);
}

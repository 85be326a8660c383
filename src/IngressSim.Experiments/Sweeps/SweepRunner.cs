using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using IngressSim.Model.Metrics;
using IngressSim.Model.Running;

namespace IngressSim.Experiments.Sweeps;

/// <summary>Units finished out of those this run covers, and the points all of whose units (in this shard) are finished.</summary>
public readonly record struct SweepProgress(int UnitsDone, int UnitsPlanned, int PointsDone, int PointsPlanned);

/// <summary>
/// Runs a shard's unfinished units of a <see cref="SweepPlan"/> on <see cref="Workers"/> threads, each an
/// independent single-threaded simulation whose result is written to the folder as soon as it finishes.
/// Which units run, and what each writes, does not depend on the number of workers or their order.
/// </summary>
public sealed class SweepRunner
{
    public SweepRunner(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Workers = workers;
    }

    public int Workers { get; }

    /// <returns>How many units ran (those already in the folder are skipped).</returns>
    /// <param name="progress">Called from worker threads after each unit.</param>
    public int Run(SweepPlan plan, SweepFolder folder, SweepShard shard, Action<SweepProgress>? progress = null, CancellationToken cancellation = default)
    {
        var manifest = plan.Manifest;
        var inShard = Enumerable.Range(0, manifest.Units).Where(shard.Contains).ToArray();
        var finished = folder.FinishedUnits();
        var pending = inShard.Where(u => !finished.Contains(u)).Select(manifest.Unit).ToArray();

        var remainingByPoint = new int[manifest.Points];
        foreach (var unit in pending) remainingByPoint[unit.Point]++;
        int pointsPlanned = inShard.Select(u => u / manifest.Replications).Distinct().Count();
        int unitsDone = inShard.Length - pending.Length;
        int pointsDone = pointsPlanned - remainingByPoint.Count(r => r > 0);
        progress?.Invoke(new SweepProgress(unitsDone, inShard.Length, pointsDone, pointsPlanned));

        var options = new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = cancellation };
        try
        {
            // Load-balanced one unit at a time: points differ in cost, and static chunks would leave workers idle.
            Parallel.ForEach(Partitioner.Create(pending, loadBalance: true), options, unit =>
            {
                var run = new ScenarioRun(plan.ScenarioOf(unit), unit.Seed);
                var result = run.Execute(DiscardWindowRows.Instance, null, cancellation);
                folder.WriteUnit(UnitResult.From(result, unit, manifest, plan.Fingerprint));
                int units = Interlocked.Increment(ref unitsDone);
                int points = Interlocked.Decrement(ref remainingByPoint[unit.Point]) == 0 ? Interlocked.Increment(ref pointsDone) : Volatile.Read(ref pointsDone);
                progress?.Invoke(new SweepProgress(units, inShard.Length, points, pointsPlanned));
            });
        }
        catch (AggregateException e)
        {
            if (cancellation.IsCancellationRequested) throw new OperationCanceledException(cancellation);
            // The first failing unit's own exception, as a serial run would have thrown it.
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return pending.Length;
    }
}

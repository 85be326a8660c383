using System.Runtime.ExceptionServices;
using IngressSim.Experiments.Replications;
using IngressSim.Model.Metrics;
using IngressSim.Model.Running;

namespace IngressSim.Experiments.Comparison;

/// <summary>Runs finished so far out of those planned (a precision target can plan more as it goes).</summary>
public readonly record struct ComparisonProgress(int RunsDone, int RunsPlanned);

/// <summary>
/// Runs a <see cref="ComparisonPlan"/>: every variant × replication is an independent single-threaded run
/// with its own engine, spread over <see cref="Workers"/> threads. Results are stored by (variant,
/// replication) index and reduced in that order, and how many replications to run next depends only on
/// those results, so the outcome is identical for any number of workers.
/// </summary>
public sealed class ComparisonRunner
{
    public ComparisonRunner(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Workers = workers;
    }

    public int Workers { get; }

    /// <param name="progress">Called from worker threads after each run.</param>
    public ComparisonResult Run(ComparisonPlan plan, Action<ComparisonProgress>? progress = null, CancellationToken cancellation = default)
    {
        var samples = plan.Variants.Select(_ => new List<ReplicationSample>()).ToArray();
        int count = 0, done = 0;
        int target = plan.Replications.Next(0, double.PositiveInfinity);
        while (true)
        {
            int planned = target * plan.Variants.Count;
            RunRound(plan, samples, count, target, cancellation, () => progress?.Invoke(new ComparisonProgress(Interlocked.Increment(ref done), planned)));
            count = target;
            var result = ComparisonAnalysis.Of(plan, samples);
            target = plan.Replications.Next(count, result.WorstP99RelativeHalfWidth);
            if (target == count) return result;
        }
    }

    /// <summary>Replications [<paramref name="from"/>, <paramref name="to"/>) of every variant, appended in index order.</summary>
    private void RunRound(ComparisonPlan plan, List<ReplicationSample>[] samples, int from, int to, CancellationToken cancellation, Action runFinished)
    {
        int variants = plan.Variants.Count;
        var round = new ReplicationSample[(to - from) * variants];
        // Replication-major, so a long variant's runs are spread over the round instead of queued at its end.
        var options = new ParallelOptions { MaxDegreeOfParallelism = Workers, CancellationToken = cancellation };
        try
        {
            Parallel.For(0, round.Length, options, cell =>
            {
                int variant = cell % variants, replication = from + cell / variants;
                var run = new ScenarioRun(plan.Variants[variant], ReplicationSeed.Of(plan.ScenarioSeed, replication));
                round[cell] = ReplicationSample.From(run.Execute(DiscardWindowRows.Instance, null, cancellation));
                runFinished();
            });
        }
        catch (AggregateException e)
        {
            if (cancellation.IsCancellationRequested) throw new OperationCanceledException(cancellation);
            // The first failing run's own exception, as a serial run would have thrown it (not "one or more errors").
            ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        for (int cell = 0; cell < round.Length; cell++) samples[cell % variants].Add(round[cell]);
    }
}

using IngressSim.Experiments.Statistics;

namespace IngressSim.Experiments.Comparison;

/// <summary>
/// Turns replication samples into a <see cref="ComparisonResult"/>. Samples arrive indexed by (variant,
/// replication) and are always reduced in that order — never in the order runs finished — so the floating
/// point sums, and the bytes written from them, are the same on one worker or many.
/// </summary>
public static class ComparisonAnalysis
{
    /// <param name="samples">Per variant in plan order, its replications in index order.</param>
    public static ComparisonResult Of(ComparisonPlan plan, IReadOnlyList<IReadOnlyList<ReplicationSample>> samples)
    {
        var baseSamples = samples[0];
        var variants = new VariantComparison[plan.Variants.Count];
        for (int v = 0; v < variants.Length; v++)
        {
            var scenario = plan.Variants[v];
            var replications = samples[v];
            bool isBase = v == 0;
            var phases = replications[0].Phases
                .Select((phase, i) => Row(replications.Select(r => r.Phases[i]).ToArray(), isBase ? null : BasePhase(baseSamples, phase.Name)))
                .ToArray();
            var wholeRun = Row(replications.Select(r => r.WholeRun).ToArray(), isBase ? null : baseSamples.Select(r => r.WholeRun).ToArray());
            variants[v] = new VariantComparison(
                scenario.Variant,
                isBase ? "the scenario without overlays" : plan.Base.Spec.Variants.GetValueOrDefault(scenario.Variant)?.Description,
                replications.Select(r => r.Seed).ToArray(),
                phases, wholeRun, MeanOverReplications(replications));
        }
        return new ComparisonResult(plan.Base.Name, plan.ScenarioSeed, plan.Replications.RelativePrecision, variants);
    }

    /// <param name="reference">Base's samples of the same phase by replication; null for base itself or when base lacks the phase.</param>
    private static PhaseComparison Row(SegmentSample[] replications, SegmentSample[]? reference) => new(
        replications[0].Name, replications[0].StartSeconds, replications[0].EndSeconds,
        SampleStatistics.Mean(replications.Select(s => s.P50Ms)),
        SampleStatistics.Mean(replications.Select(s => s.P95Ms)),
        SampleStatistics.Mean(replications.Select(s => s.P99Ms)),
        SampleStatistics.Mean(replications.Select(s => s.ErrorRate)),
        SampleStatistics.Mean(replications.Select(s => (double)s.Reloads)),
        reference is null ? null : SampleStatistics.PairedDifference(P99s(replications), P99s(reference)));

    private static double[] P99s(SegmentSample[] samples) => samples.Select(s => s.P99Ms).ToArray();

    /// <summary>Base's phase of the same name in each replication: a variant may add or drop phases.</summary>
    private static SegmentSample[]? BasePhase(IReadOnlyList<ReplicationSample> baseSamples, string name)
    {
        int index = baseSamples[0].Phases.ToList().FindIndex(p => p.Name == name);
        return index < 0 ? null : baseSamples.Select(r => r.Phases[index]).ToArray();
    }

    /// <summary>Each window's p99 averaged over the replications (all of one variant share the window grid).</summary>
    private static WindowP99[] MeanOverReplications(IReadOnlyList<ReplicationSample> replications) =>
        replications[0].Windows
            .Select((window, i) => window with { P99Ms = SampleStatistics.Mean(replications.Select(r => r.Windows[i].P99Ms)).Mean })
            .ToArray();
}

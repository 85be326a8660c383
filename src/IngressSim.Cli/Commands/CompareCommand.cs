using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using IngressSim.Experiments.Comparison;
using IngressSim.Experiments.Replications;
using IngressSim.Reporting.Comparison;
using IngressSim.Scenarios.Units;
using IngressSim.Scenarios.Validation;

namespace IngressSim.Cli.Commands;

/// <summary>
/// <c>ingress-sim compare [SCENARIO]</c>: base and the scenario's variants over replications with common
/// random numbers, on parallel workers, into a comparison folder; then a table per phase that marks the
/// variants whose p99 differs significantly from base.
/// </summary>
public static class CompareCommand
{
    private const int DefaultReplications = 5;

    public static Command Create()
    {
        var input = new ScenarioInput();
        var variants = new Option<string[]?>("--variants")
        {
            Description = "variants to compare with base, comma-separated (default: every variant the scenario declares)",
            HelpName = "A,B,...",
            CustomParser = result => result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
        };
        var replications = new Option<int?>("--replications", "-n") { Description = $"replications per variant (default: {DefaultReplications})", HelpName = "N" };
        replications.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 2) result.AddError("--replications must be at least 2: a confidence interval needs two observations");
        });
        var precision = new Option<double?>("--precision")
        {
            Description = $"instead of a fixed count: add replications until every phase's p99 is known within this ±fraction of its mean (95 % CI), e.g. 2% (at most {ReplicationRule.PrecisionMaximum})",
            HelpName = "PERCENT",
            CustomParser = result =>
            {
                string text = result.Tokens.Count == 0 ? "" : result.Tokens[0].Value;
                if (!Percentage.TryParse(text, out var value, out string error)) result.AddError($"--precision {error}");
                else if (value.Fraction is <= 0 or >= 1) result.AddError($"--precision {text}: expected more than 0% and less than 100%");
                return value.Fraction;
            },
        };
        var parallel = SharedOptions.Parallel();
        var output = new Option<string?>("--out") { Description = "comparison folder (default: results/<scenario>/compare/)", HelpName = "DIR" };
        var report = ReportCommand.ReportOption();

        var command = new Command("compare", "Run a scenario's variants with replications and compare them with confidence intervals.");
        command.Arguments.Add(input.Path);
        command.Options.Add(input.Parameters);
        command.Options.Add(variants);
        command.Options.Add(replications);
        command.Options.Add(precision);
        command.Options.Add(parallel);
        command.Options.Add(output);
        command.Options.Add(report);
        command.Validators.Add(result =>
        {
            if (result.GetResult(replications) is not null && result.GetResult(precision) is not null)
                result.AddError("--replications and --precision are alternatives: give one");
        });
        command.SetAction((parse, cancellation) =>
        {
            var rule = parse.GetValue(precision) is { } target
                ? ReplicationRule.UntilPrecision(target)
                : ReplicationRule.Fixed(parse.GetValue(replications) ?? DefaultReplications);
            var load = ComparisonPlan.Load(ScenarioInput.Resolve(parse.GetValue(input.Path)),
                parse.GetValue(input.Parameters) ?? new Dictionary<string, string>(),
                parse.GetResult(variants) is null ? null : parse.GetValue(variants), rule);
            if (load.Diagnostics.Count > 0) Console.Error.Write(DiagnosticFormatter.Text(load.Diagnostics));
            if (load.Plan is not { } plan) return Task.FromResult(ExitCodes.BadInput);

            var runner = new ComparisonRunner(parse.GetValue(parallel));
            long started = Stopwatch.GetTimestamp();
            var result = Run(runner, plan, cancellation);
            double wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
            string folder = ComparisonWriter.Write(parse.GetValue(output) ?? ComparisonWriter.DefaultDirectory("results", plan.Base.Name), result,
                inputs: ResultInputs.Of(plan.Base, load.Diagnostics), report: parse.GetValue(report));

            foreach (var table in ComparisonTable.For(result)) SummaryTableView.Print(table);
            if (!result.PrecisionReached)
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"ingress-sim compare: precision {result.TargetPrecision:P1} not reached after {result.Base.Replications} replications (widest p99 interval ±{result.WorstP99RelativeHalfWidth:P1})"));
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Variants.Count} variants × {result.Base.Replications} replications in {wall:0.0} s on {runner.Workers} workers"));
            Console.Out.WriteLine($"Results: {folder}");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    /// <summary>With a progress bar of runs done when a person is watching (an interactive terminal); quietly otherwise.</summary>
    private static ComparisonResult Run(ComparisonRunner runner, ComparisonPlan plan, CancellationToken cancellation) =>
        CountProgressView.Run($"{plan.Base.Name}: runs", plan.Variants.Count * plan.Replications.Minimum, report => runner.Run(plan,
            report is null ? null : progress => report(progress.RunsDone, progress.RunsPlanned, $"{plan.Base.Name}: {progress.RunsDone}/{progress.RunsPlanned} runs"),
            cancellation));
}

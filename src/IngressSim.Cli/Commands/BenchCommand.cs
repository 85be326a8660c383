using System.CommandLine;
using IngressSim.Queueing;
using Spectre.Console;

namespace IngressSim.Cli.Commands;

/// <summary><c>ingress-sim bench engine|scenario</c>: performance figures measured here, not asserted in tests.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure performance: the event engine on M/M/c, a whole scenario, or a sweep's parallel speed-up.");
        bench.Subcommands.Add(CreateEngine());
        bench.Subcommands.Add(CreateScenario());
        bench.Subcommands.Add(CreateSweep());
        return bench;
    }

    private static Command CreateSweep()
    {
        var file = new Argument<string>("sweep") { Description = "sweep file (kind: Sweep); keep it short, it runs four times", HelpName = "SWEEP" };
        var parameters = PairOptions.Parameters();
        var parallel = SharedOptions.Parallel();
        var shards = new Option<int>("--shards") { Description = "shards to run one after another, then merge", HelpName = "N", DefaultValueFactory = _ => 2 };
        shards.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 64) result.AddError("--shards must be between 1 and 64");
        });
        var json = new Option<bool>("--json") { Description = "print one JSON object instead of a table" };
        var command = new Command("sweep", "Run a sweep on one worker and on all cores (units/s and speed-up), then as shards + merge (their overhead).")
        {
            file, parameters, parallel, shards, json,
        };
        command.SetAction((parse, cancellation) =>
        {
            string path = parse.GetRequiredValue(file);
            var overrides = parse.GetValue(parameters) ?? new Dictionary<string, string>();
            if (SweepInput.Load(path, overrides) is null) return Task.FromResult(ExitCodes.BadInput);
            var r = SweepBenchmark.Measure(path, overrides, parse.GetValue(parallel), parse.GetValue(shards), cancellation);
            if (parse.GetValue(json)) JsonOutput.Write(Console.Out, r);
            else
            {
                var table = new Table().AddColumns("run", "wall s (all)", "units/s (running)", "ratio");
                table.AddRow("--parallel 1", $"{r.SerialSeconds:F2}", $"{r.SerialUnitsPerSecond:F1}", "reference");
                table.AddRow($"--parallel {r.Workers}", $"{r.ParallelSeconds:F2}", $"{r.ParallelUnitsPerSecond:F1}", $"speed-up {r.SpeedUp:F2}×");
                table.AddRow($"{r.Shards} shards (sum) + merge", $"{r.ShardsSeconds:F2} + {r.MergeSeconds:F2}", "",
                    $"{r.ShardAndMergeOverOneRun:F2}× the --parallel {r.Workers} run");
                AnsiConsole.WriteLine($"{r.Units} units; every run loads the sweep and writes its folder and report; merged folder identical to the local one: {(r.MergedIdenticalToLocal ? "yes" : "NO")}");
                AnsiConsole.Write(table);
            }
            return Task.FromResult(r.MergedIdenticalToLocal ? ExitCodes.Success : ExitCodes.Failure);
        });
        return command;
    }

    private static Command CreateScenario()
    {
        var input = new ScenarioInput();
        var json = new Option<bool>("--json") { Description = "print one JSON object instead of a table" };
        var command = new Command("scenario", "Simulate a scenario without writing results and report its speed and peak memory.");
        input.AddTo(command);
        command.Options.Add(json);
        command.SetAction((parse, cancellation) =>
        {
            var scenario = input.Load(parse);
            if (scenario is null) return Task.FromResult(ExitCodes.BadInput);
            var result = ScenarioBenchmark.Measure(scenario, cancellation);
            if (parse.GetValue(json)) JsonOutput.Write(Console.Out, result);
            else
                AnsiConsole.MarkupLineInterpolated(
                    $"{result.Scenario}: {result.SimulatedSeconds:F0} s simulated in {result.WallSeconds:F2} s; {result.Requests:N0} requests ({result.RequestsPerSecond:N0}/s), {result.Events:N0} events ({result.EventsPerSecond:N0}/s); peak memory {result.PeakMemoryBytes / 1048576.0:F0} MiB");
            return Task.FromResult(ExitCodes.Success);
        });
        return command;
    }

    private static Command CreateEngine()
    {
        var servers = new Option<int>("--servers") { Description = "c, the number of servers", DefaultValueFactory = _ => 4 };
        var arrival = new Option<double>("--arrival-rate") { Description = "λ, arrivals per unit time", DefaultValueFactory = _ => 3.6 };
        var service = new Option<double>("--service-rate") { Description = "μ, services per unit time per server", DefaultValueFactory = _ => 1.0 };
        var customers = new Option<long>("--customers") { Description = "customers to complete per run", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<ulong>("--seed") { Description = "random seed", DefaultValueFactory = _ => 1 };
        var repeat = new Option<int>("--repeat") { Description = "timed runs after one warm-up; the best is reported", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "print one JSON object instead of a table" };
        var command = new Command("engine", "Run M/M/c on the engine and its FIFO station; time it next to a hand-written PriorityQueue loop and the Lindley recursion (the floor).")
        {
            servers, arrival, service, customers, seed, repeat, json,
        };
        command.SetAction(parse =>
        {
            int c = parse.GetValue(servers);
            double lambda = parse.GetValue(arrival), mu = parse.GetValue(service);
            long n = parse.GetValue(customers);
            int r = parse.GetValue(repeat);
            var problem =
                c < 1 || c > 10_000 ? "--servers must be between 1 and 10000" :
                !(lambda > 0) || !(mu > 0) || double.IsInfinity(lambda) || double.IsInfinity(mu) ? "--arrival-rate and --service-rate must be positive" :
                n < 1 || n > 1_000_000_000 ? "--customers must be between 1 and 1e9" :
                r < 1 || r > 100 ? "--repeat must be between 1 and 100" :
                lambda >= c * mu ? $"the queue is unstable: λ = {lambda} ≥ cμ = {c * mu}; lower --arrival-rate or raise --servers" :
                null;
            if (problem is not null)
            {
                Console.Error.WriteLine($"ingress-sim bench engine: {problem}");
                return ExitCodes.BadInput;
            }
            var result = EngineBenchmark.Measure(new MmcParameters
            {
                Servers = c, ArrivalRate = lambda, ServiceRate = mu, Customers = n, Seed = parse.GetValue(seed),
            }, r);
            if (parse.GetValue(json)) JsonOutput.Write(Console.Out, result);
            else PrintTable(result);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void PrintTable(EngineBenchmarkResult r)
    {
        var table = new Table().AddColumns("loop", "ns/event", "× engine", "mean wait (1/μ)");
        table.AddRow("IngressSim engine", $"{r.NsPerEvent:F1}", "1.00", $"{r.MeanWait:F4}");
        table.AddRow("PriorityQueue loop", $"{r.Reference.PriorityQueueLoopNsPerEvent:F1}", $"{r.Reference.PriorityQueueLoopNsPerEvent / r.NsPerEvent:F2}", $"{r.Reference.PriorityQueueLoopMeanWait:F4}");
        table.AddRow("Lindley floor", $"{r.Reference.LindleyFloorNsPerEvent:F1}", $"{r.Reference.LindleyFloorNsPerEvent / r.NsPerEvent:F2}", $"{r.Reference.LindleyFloorMeanWait:F4}");
        AnsiConsole.WriteLine($"M/M/{r.Servers}, λ={r.ArrivalRate}, μ={r.ServiceRate}, {r.Customers:N0} customers, best of {r.Repeat}; Erlang C mean wait {r.MeanWaitTheory:F4}");
        AnsiConsole.Write(table);
    }
}

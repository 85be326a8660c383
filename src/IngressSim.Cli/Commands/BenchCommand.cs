using System.CommandLine;
using IngressSim.Queueing;
using Spectre.Console;

namespace IngressSim.Cli.Commands;

/// <summary><c>ingress-sim bench engine|scenario</c>: performance figures measured here, not asserted in tests.</summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure performance: the event engine on M/M/c, or a whole scenario.");
        bench.Subcommands.Add(CreateEngine());
        bench.Subcommands.Add(CreateScenario());
        return bench;
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

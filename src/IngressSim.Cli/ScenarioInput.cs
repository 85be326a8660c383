using System.CommandLine;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Validation;

namespace IngressSim.Cli;

/// <summary>
/// How commands that simulate take their scenario: an optional path (default: the bundled war story,
/// found next to the executable), <c>--param</c> overrides and <c>--variant</c>; a scenario that does
/// not load prints every diagnostic and the command exits 2 before anything is written.
/// </summary>
public sealed class ScenarioInput
{
    /// <summary>The scenario `run` replays when given none (the README's main command).</summary>
    public const string DefaultScenario = "black-friday-reload-storm.yaml";

    public Argument<string?> Path { get; } = new("scenario")
    {
        Description = $"scenario file (default: the bundled scenarios/{DefaultScenario})",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<IReadOnlyDictionary<string, string>> Parameters { get; } = PairOptions.Parameters();

    public Option<string?> Variant { get; } = new("--variant") { Description = "apply this variant's overlay (default: base)", HelpName = "NAME" };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Path);
        command.Options.Add(Parameters);
        command.Options.Add(Variant);
    }

    /// <summary>The loaded scenario, or null after printing why it could not be loaded.</summary>
    public LoadedScenario? Load(ParseResult parse, string? variantOverride = null) => LoadWithDiagnostics(parse, variantOverride).Scenario;

    /// <summary>As <see cref="Load"/>, keeping the diagnostics (warnings too) it printed.</summary>
    public ScenarioLoadResult LoadWithDiagnostics(ParseResult parse, string? variantOverride = null)
    {
        var result = ScenarioLoader.Load(Resolve(parse.GetValue(Path)), new ScenarioLoadOptions
        {
            Parameters = parse.GetValue(Parameters) ?? new Dictionary<string, string>(),
            Variant = variantOverride ?? parse.GetValue(Variant),
        });
        if (result.Diagnostics.Count > 0) Console.Error.Write(DiagnosticFormatter.Text(result.Diagnostics));
        return result;
    }

    /// <summary>A path as given; with none, the bundled default from the working folder's scenarios/ or the one shipped with the executable.</summary>
    public static string Resolve(string? path)
    {
        if (path is not null) return path;
        var local = System.IO.Path.Combine("scenarios", DefaultScenario);
        return File.Exists(local) ? local : System.IO.Path.Combine(AppContext.BaseDirectory, "scenarios", DefaultScenario);
    }
}

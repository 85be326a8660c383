using System.CommandLine;
using System.Reflection;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Validation;

namespace IngressSim.Cli.Commands;

/// <summary>
/// <c>ingress-sim validate FILE...</c>: loads each scenario or manifest file, checks and lints it, and prints
/// every diagnostic. Exit 0 when there is no error (warnings allowed), 2 otherwise, so CI can gate on it.
/// </summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("files")
        {
            Description = "scenario files (kind: Scenario) or Kubernetes manifest files",
            HelpName = "SCENARIO_OR_MANIFESTS",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string>("--format") { Description = "text (file:line:col: ...), json, or sarif (SARIF 2.1.0 for CI and editors)", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json", "sarif");
        var parameters = PairOptions.Parameters();
        var variant = new Option<string?>("--variant") { Description = "validate a scenario with this variant's overlay applied", HelpName = "NAME" };
        var command = new Command("validate", "Load, check and lint scenario or manifest files.") { files, format, parameters, variant };
        command.SetAction(parse =>
        {
            var report = ValidationRun.Validate(parse.GetRequiredValue(files), new ScenarioLoadOptions
            {
                Parameters = parse.GetValue(parameters) ?? new Dictionary<string, string>(),
                Variant = parse.GetValue(variant),
            });
            switch (parse.GetRequiredValue(format))
            {
                case "json": Console.Out.Write(DiagnosticFormatter.Json(report)); break;
                case "sarif": Console.Out.Write(DiagnosticFormatter.Sarif(report, ToolVersion())); break;
                default:
                    Console.Out.Write(DiagnosticFormatter.Text(report.Diagnostics));
                    Console.Out.WriteLine($"{(report.IsValid ? "valid" : "invalid")}: {DiagnosticFormatter.Summary(report)} in {report.Files.Count} file{(report.Files.Count == 1 ? "" : "s")}");
                    break;
            }
            return report.IsValid ? ExitCodes.Success : ExitCodes.BadInput;
        });
        return command;
    }

    /// <summary>The version <c>--version</c> prints, without its source-revision suffix.</summary>
    private static string ToolVersion()
    {
        string version = typeof(ValidateCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        int plus = version.IndexOf('+');
        return plus < 0 ? version : version[..plus];
    }
}

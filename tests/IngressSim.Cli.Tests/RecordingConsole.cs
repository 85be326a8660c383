using Spectre.Console;

namespace IngressSim.Cli.Tests;

/// <summary>A console that claims to be an interactive ANSI terminal and records what is drawn on it: CI never has a terminal.</summary>
public static class RecordingConsole
{
    public static IAnsiConsole Interactive(TextWriter output) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Yes,
        Interactive = InteractionSupport.Yes,
        Out = new AnsiConsoleOutput(output),
    });
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace IngressSim.Cli;

/// <summary>The one JSON style of every command's <c>--json</c> output: camelCase, indented, invariant.</summary>
public static class JsonOutput
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write<T>(TextWriter output, T value) => output.WriteLine(JsonSerializer.Serialize(value, Options));
}

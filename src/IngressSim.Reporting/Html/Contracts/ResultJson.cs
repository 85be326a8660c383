using System.Text.Json;
using System.Text.Json.Serialization;

namespace IngressSim.Reporting.Html.Contracts;

/// <summary>
/// Reads a results folder's JSON files into the contract records: camelCase names, unknown fields ignored
/// (newer writers add fields), missing required fields and nulls where the contract has none refused.
/// </summary>
internal static class ResultJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        RespectNullableAnnotations = true,
        NumberHandling = JsonNumberHandling.Strict,
    };

    /// <summary>The file as <typeparamref name="T"/>, or a <see cref="ReportInputException"/> naming the file and the place.</summary>
    public static T Read<T>(string folder, string fileName, string writtenBy) where T : class
    {
        string path = Path.Combine(folder, fileName);
        try
        {
            using var file = File.OpenRead(path);
            return JsonSerializer.Deserialize<T>(file, Options)
                ?? throw new ReportInputException($"{fileName} is null, not a JSON object", $"{fileName} is written by {writtenBy}: make it again");
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is { } line ? $" (line {line + 1}{(e.Path is { Length: > 0 } p ? $", at {p}" : "")})" : "";
            throw new ReportInputException($"{fileName} does not match its format{where}: {Cause(e)}",
                $"{fileName} is written by {writtenBy}: make it again, or fix the field named");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ReportInputException($"cannot read {fileName}: {e.Message}", "check the folder's permissions");
        }
    }

    private const string MissingFields = "missing required properties including: ";

    // The serializer's messages end with the path and position Read already gives, and name our types, which mean nothing to a reader.
    private static string Cause(JsonException e)
    {
        string message = e.Message;
        int missing = message.IndexOf(MissingFields, StringComparison.Ordinal);
        if (missing >= 0) return "missing required field " + message[(missing + MissingFields.Length)..].TrimEnd('.');
        int path = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return path < 0 ? message : message[..path];
    }
}

namespace IngressSim.Reporting.Html.Contracts;

/// <summary><c>diagnostics.json</c>: what <c>ingress-sim validate --format json</c> prints for the scenario that was run.</summary>
internal sealed record DiagnosticsDocument
{
    public required IReadOnlyList<DiagnosticJson> Diagnostics { get; init; }
}

internal sealed record DiagnosticJson
{
    public string? File { get; init; }
    public int Line { get; init; }
    public int Column { get; init; }
    public required string Severity { get; init; }
    public required string Code { get; init; }
    public required string Message { get; init; }
    public string? Hint { get; init; }
}

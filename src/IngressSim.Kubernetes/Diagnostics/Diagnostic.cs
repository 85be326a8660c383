namespace IngressSim.Kubernetes.Diagnostics;

public enum Severity { Error, Warning }

/// <summary>
/// One problem found in a scenario or manifest file: located, coded (e.g. <c>ISM001</c>), with a
/// one-line hint that tells the user what to write instead. Rendered as
/// <c>file:line:col: error CODE: message</c> like a compiler, so editors and CI can jump to it.
/// </summary>
public sealed record Diagnostic(Severity Severity, string Code, string Message, SourceLocation Location, string? Hint = null)
{
    public static Diagnostic Error(string code, string message, SourceLocation at, string? hint = null) =>
        new(Severity.Error, code, message, at, hint);

    public static Diagnostic Warning(string code, string message, SourceLocation at, string? hint = null) =>
        new(Severity.Warning, code, message, at, hint);

    public override string ToString() =>
        $"{Location}: {(Severity == Severity.Error ? "error" : "warning")} {Code}: {Message}";
}

namespace IngressSim.Kubernetes.Diagnostics;

/// <summary>
/// Collects every problem of a pass (after BenchmarkDotNet's validators: report all, not the first),
/// in the order found; callers decide from <see cref="HasErrors"/> whether the input is usable.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Exists(d => d.Severity == Severity.Error);
    public int Count => _items.Count;

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);
    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);

    public void Error(string code, string message, SourceLocation at, string? hint = null) =>
        Add(Diagnostic.Error(code, message, at, hint));

    public void Warning(string code, string message, SourceLocation at, string? hint = null) =>
        Add(Diagnostic.Warning(code, message, at, hint));
}

using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Loading;

namespace IngressSim.Scenarios.Tests;

internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string Examples => Path.Combine(Root, "scenarios", "examples");
    public static string Broken => Path.Combine(Examples, "broken");
    public static string Schema => Path.Combine(Root, "scenarios", "scenario.schema.json");

    public static string Example(string name) => Path.Combine(Examples, name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Simulator.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (Simulator.sln) not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Inline scenario text for tests; line numbers in assertions count from the first line of the text.</summary>
internal static class Yaml
{
    public const string Path = "/virtual/test.yaml";

    /// <summary>A valid scenario whose spec lines can be replaced (or extended) to test one error at a time.</summary>
    public const string Valid = """
        apiVersion: ingresssim.dev/v1alpha1
        kind: Scenario
        metadata:
          name: test
        spec:
          duration: 10m
          traffic:
            sources:
              - name: web
                host: shop.example.com
                rate: {constant: 100/s}
          cluster:
            controllers:
              - name: ingress-nginx
                replicas: 2
        """;

    public static ScenarioLoadResult Load(string text, ScenarioLoadOptions? options = null) =>
        ScenarioLoader.LoadText(text, Path, options);

    public static Diagnostic SingleError(ScenarioLoadResult result)
    {
        Assert.Null(result.Scenario);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.True(errors.Count == 1, "expected one error, got:\n" + string.Join("\n", errors));
        return errors[0];
    }

    public static string At(Diagnostic d) => $"{d.Location.Line}:{d.Location.Column}";
}

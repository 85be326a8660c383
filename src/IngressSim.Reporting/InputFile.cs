namespace IngressSim.Reporting;

/// <summary>
/// A file the results were made from, kept beside them so the report can be made later by someone who
/// does not have the scenario: written into the staged folder, so it is published with the results or not at all.
/// </summary>
public sealed record InputFile(string FileName, byte[] Content)
{
    /// <summary>A byte copy of the scenario file that was run.</summary>
    public const string Scenario = "scenario.yaml";

    /// <summary>The scenario's loader and lint diagnostics, as <c>ingress-sim validate --format json</c> prints them.</summary>
    public const string Diagnostics = "diagnostics.json";
}

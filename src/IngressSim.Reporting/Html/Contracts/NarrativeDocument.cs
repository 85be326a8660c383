namespace IngressSim.Reporting.Html.Contracts;

/// <summary><c>narrative.json</c>: the story of the run in words, derived from its event log (issue 6's agreed contract).</summary>
internal sealed record NarrativeDocument
{
    public const string FileName = "narrative.json";

    public required IReadOnlyList<NarrativeEntry> Entries { get; init; }
}

/// <summary>One moment: simulated seconds, the story's clock ("09:12"), the text, and a short tag (reloads, hpa, deploy, traffic, crash, alert, phase).</summary>
internal sealed record NarrativeEntry
{
    public required double AtSeconds { get; init; }
    public string? Clock { get; init; }
    public required string Text { get; init; }
    public string? Kind { get; init; }
}

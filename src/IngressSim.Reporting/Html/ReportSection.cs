namespace IngressSim.Reporting.Html;

/// <summary>One titled part of the page, listed in its contents; a part whose data are absent is not created at all.</summary>
internal sealed record ReportSection(string Id, string Title, Action<HtmlBuilder> Body);

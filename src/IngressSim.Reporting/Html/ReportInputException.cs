namespace IngressSim.Reporting.Html;

/// <summary>A results folder the report cannot be made from: what is wrong, and what to do about it.</summary>
public sealed class ReportInputException(string message, string hint) : Exception(message)
{
    public string Hint { get; } = hint;
}

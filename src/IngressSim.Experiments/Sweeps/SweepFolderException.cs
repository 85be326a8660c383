namespace IngressSim.Experiments.Sweeps;

/// <summary>A sweep folder that cannot be used as asked (another sweep's, incomplete, damaged): bad input, reported without a stack trace.</summary>
public sealed class SweepFolderException(string message, string hint) : Exception(message)
{
    public string Hint { get; } = hint;
}

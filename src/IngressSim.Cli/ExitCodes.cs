namespace IngressSim.Cli;

/// <summary>Process exit codes, the same for every command.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    /// <summary>A run that failed for a reason other than its input (an internal error).</summary>
    public const int Failure = 1;
    /// <summary>Bad input: usage, an invalid scenario or manifest. Nothing was written.</summary>
    public const int BadInput = 2;
    public const int Cancelled = 130;
}

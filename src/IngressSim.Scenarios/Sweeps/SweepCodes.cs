namespace IngressSim.Scenarios.Sweeps;

/// <summary>Diagnostic codes of sweep files (SWP0xx); binding problems keep their SCN0xx codes.</summary>
public static class SweepCodes
{
    public const string UnknownParameter = "SWP001";
    public const string UnknownVariant = "SWP002";
    public const string UnknownPhase = "SWP003";
    public const string PointDoesNotLoad = "SWP004";
    public const string SweptOverride = "SWP005";
}

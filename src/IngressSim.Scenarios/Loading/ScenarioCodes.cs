namespace IngressSim.Scenarios.Loading;

/// <summary>
/// Diagnostic codes of scenario loading (SCN0xx) — stable, documented in docs/scenario-format.md,
/// so CI rules and SARIF consumers can key on them.
/// </summary>
public static class ScenarioCodes
{
    public const string YamlSyntax = "SCN001";
    public const string FileTooLarge = "SCN002";
    public const string TooDeep = "SCN003";
    public const string AliasLimit = "SCN004";
    public const string DuplicateKey = "SCN005";
    public const string FileNotFound = "SCN006";
    public const string NotAScenario = "SCN007";

    public const string WrongType = "SCN010";
    public const string InvalidValue = "SCN011";
    public const string UnknownField = "SCN012";
    public const string MissingField = "SCN013";
    public const string OutOfRange = "SCN014";
    public const string OneOf = "SCN015";
    public const string Inconsistent = "SCN016";

    public const string UnresolvedParameter = "SCN020";
    public const string UnknownParameterOverride = "SCN021";
    public const string UnknownVariant = "SCN022";
    public const string BadVariantPath = "SCN023";
    public const string UnusedParameter = "SCN024";

    public const string RateSeries = "SCN030";
    public const string Fleet = "SCN031";

    public const string AlertRule = "SCN040";
}

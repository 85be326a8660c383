namespace IngressSim.Scenarios.Lint;

/// <summary>Codes of the lint rules (LNT0xx), stable and documented in docs/scenario-format.md.</summary>
public static class LintCodes
{
    public const string NoControllerForClass = "LNT001";
    public const string MissingIngressClassName = "LNT002";
    public const string SeveralDefaultClasses = "LNT003";
    public const string TlsSecret = "LNT004";
    public const string BackendServiceMissing = "LNT005";
    public const string BackendPortNotExposed = "LNT006";
    public const string HeadlessBackend = "LNT007";
    public const string SingleControllerReplica = "LNT008";
    public const string NoAntiAffinity = "LNT009";
    public const string LongLivedTimeout = "LNT010";
    public const string ExactPathSubpaths = "LNT011";
    public const string NetworkPolicyBlocksController = "LNT012";
    public const string DuplicateHostPath = "LNT013";
    public const string AnnotationValue = "LNT014";
}

namespace IngressSim.Kubernetes.Manifests;

/// <summary>Codes of the problems <see cref="ManifestReader"/> reports; stable, so users can search for them.</summary>
public static class ManifestDiagnosticCodes
{
    public const string YamlSyntax = "K8S001";
    public const string FileUnreadable = "K8S002";
    public const string FileTooLarge = "K8S003";
    public const string AliasRejected = "K8S004";
    public const string NestingTooDeep = "K8S005";
    public const string NotAnObject = "K8S006";
    public const string UnknownKind = "K8S007";
    public const string WrongType = "K8S008";
    public const string MissingField = "K8S009";
    public const string InvalidValue = "K8S010";
}

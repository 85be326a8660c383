namespace IngressSim.Model.Metrics;

/// <summary>
/// How a request ended as the client saw it. The HTTP codes are the ones the request path produces
/// (MODEL_FACTS §2: 502/504 from proxy timeouts, 503 from rate limits by default, 429 when configured);
/// the last three are failures without a response.
/// </summary>
public enum ResponseStatus : byte
{
    Ok2xx,
    NotFound404,
    TooManyRequests429,
    InternalServerError500,
    BadGateway502,
    ServiceUnavailable503,
    GatewayTimeout504,
    /// <summary>No response before the client gave up waiting.</summary>
    ClientTimeout,
    /// <summary>The connection was reset (e.g. a keep-alive race with an exiting nginx worker) and retries ran out.</summary>
    ConnectionReset,
    /// <summary>The connection was refused (e.g. stale kube-proxy rules to a terminated pod) and retries ran out.</summary>
    ConnectionRefused,
}

/// <summary>The fixed order and the external names of <see cref="ResponseStatus"/> (CSV columns, JSON keys, legends).</summary>
public static class ResponseStatuses
{
    public const int Count = (int)ResponseStatus.ConnectionRefused + 1;

    /// <summary>Every status in enum order: the column order of every export.</summary>
    public static readonly IReadOnlyList<ResponseStatus> All = Enum.GetValues<ResponseStatus>();

    private static readonly string[] Labels =
        ["2xx", "404", "429", "500", "502", "503", "504", "client_timeout", "reset", "refused"];

    public static string Label(this ResponseStatus status) => Labels[(int)status];

    public static bool IsError(this ResponseStatus status) => status != ResponseStatus.Ok2xx;
}

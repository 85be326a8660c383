using IngressSim.Model.Metrics;

namespace IngressSim.Model.Pipeline;

/// <summary>Maps the HTTP status a controller answers with to the statuses the metrics count.</summary>
public static class HttpStatuses
{
    public static ResponseStatus ToResponseStatus(int code) => code switch
    {
        >= 200 and < 300 => ResponseStatus.Ok2xx,
        404 => ResponseStatus.NotFound404,
        429 => ResponseStatus.TooManyRequests429,
        500 => ResponseStatus.InternalServerError500,
        502 => ResponseStatus.BadGateway502,
        504 => ResponseStatus.GatewayTimeout504,
        // 503 and any other configured rejection status (limit-req-status-code can be anything) count as 503.
        _ => ResponseStatus.ServiceUnavailable503,
    };

    /// <summary>The HTTP code of a response status (0 for failures without a response).</summary>
    public static int ToHttpCode(ResponseStatus status) => status switch
    {
        ResponseStatus.Ok2xx => 200,
        ResponseStatus.NotFound404 => 404,
        ResponseStatus.TooManyRequests429 => 429,
        ResponseStatus.InternalServerError500 => 500,
        ResponseStatus.BadGateway502 => 502,
        ResponseStatus.ServiceUnavailable503 => 503,
        ResponseStatus.GatewayTimeout504 => 504,
        _ => 0,
    };
}

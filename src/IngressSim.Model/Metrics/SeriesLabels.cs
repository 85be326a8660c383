namespace IngressSim.Model.Metrics;

/// <summary>
/// The Prometheus labels of a recorder series, as ingress-nginx labels its request metrics (MODEL_FACTS §1):
/// a Service series <c>namespace/name</c> has <c>namespace</c> and <c>service</c>; the unrouted series neither.
/// </summary>
public static class SeriesLabels
{
    public static string Namespace(string series)
    {
        int slash = series.IndexOf('/');
        return slash < 0 ? "" : series[..slash];
    }

    public static string Service(string series)
    {
        int slash = series.IndexOf('/');
        return slash < 0 ? "" : series[(slash + 1)..];
    }

    /// <summary>The <c>status</c> label: the HTTP code ("200" for every 2xx); client-side failures without a response by name.</summary>
    public static string Status(ResponseStatus status) => status == ResponseStatus.Ok2xx ? "200" : status.Label();
}

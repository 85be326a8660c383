using IngressSim.Engine.Time;
using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Sampling;
using IngressSim.Scenarios.Units;

namespace IngressSim.Scenarios.Traffic;

/// <summary>The clients: open-loop sources, each sending to one host or to every host of a fleet.</summary>
public sealed record TrafficSpec
{
    public required IReadOnlyList<TrafficSourceSpec> Sources { get; init; }
}

public enum TlsVersion
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("none")] None,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("1.2")] Tls12,
    [System.Text.Json.Serialization.JsonStringEnumMemberName("1.3")] Tls13,
}

/// <summary>
/// One population of clients. Open loop: arrivals follow <c>rate</c> whatever the latency
/// (no coordinated omission). Exactly one of <c>host</c> or <c>fleet</c>.
/// </summary>
public sealed record TrafficSourceSpec : IValidatable
{
    public required string Name { get; init; }

    /// <summary>The Host header sent; routes through the Ingress rules like a real request.</summary>
    public string? Host { get; init; }

    /// <summary>Spread the rate evenly over the hosts of this fleet (see cluster.fleets).</summary>
    public string? Fleet { get; init; }

    public required RateProfileSpec Rate { get; init; }

    /// <summary>The request mix; default one GET of <c>/</c>.</summary>
    public IReadOnlyList<RequestSpec> Requests { get; init; } = [new RequestSpec { Path = "/" }];

    /// <summary>Distinct client IPs (for ClientIP affinity, limit-connections and the LB flow hash).</summary>
    [Limits("1", "10000000")] public int Clients { get; init; } = 1000;

    public KeepAliveSpec KeepAlive { get; init; } = new();
    public TlsSpec Tls { get; init; } = new();

    /// <summary>Client ↔ cloud LB round-trip time; TCP and TLS handshakes cost multiples of it (MODEL_FACTS §8).</summary>
    [Limits("0s", "10s")] public Duration Rtt { get; init; } = Duration.FromMilliseconds(20);

    /// <summary>The client gives up after this long (counted as a client timeout, then maybe retried). Input, not a fact: 30 s is a common SDK default.</summary>
    [Limits("1ms", "1d")] public Duration Timeout { get; init; } = Duration.FromSeconds(30);

    /// <summary>Absent: no client retries.</summary>
    public RetryPolicySpec? Retry { get; init; }

    /// <summary>Absent: no WebSockets from this source.</summary>
    public WebSocketSpec? WebSocket { get; init; }

    /// <summary>Absent: each target keeps its share. Present: demand moves between the hosts/requests over time.</summary>
    public DemandShiftSpec? Shift { get; init; }

    /// <summary>Absent: every request comes from a client drawn afresh. Present: clients come in visits of several requests.</summary>
    public VisitSpec? Visits { get; init; }

    public void Validate(ValidationContext context)
    {
        if ((Host is null) == (Fleet is null))
            context.Error("host", $"traffic source '{Name}' needs exactly one of host or fleet", "write host: shop.example.com or fleet: services");
    }
}

/// <summary>One kind of request in a source's mix.</summary>
public sealed record RequestSpec
{
    /// <summary>Path with optional query (<c>/api/cart?id=1</c>).</summary>
    public required string Path { get; init; }

    public string Method { get; init; } = "GET";

    /// <summary>Relative weight in the mix (weights are normalised over the source's requests).</summary>
    [Limits("0", "1000000")] public double Weight { get; init; } = 1;

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> Cookies { get; init; } = new Dictionary<string, string>();
}

/// <summary>Client keep-alive: how many requests a connection carries, and how long it may sit idle. Inputs (client behaviour).</summary>
public sealed record KeepAliveSpec
{
    /// <summary>1 = a new connection (TCP + TLS handshake) per request.</summary>
    [Limits("1", "1000000")] public int RequestsPerConnection { get; init; } = 100;

    [Limits("0s", "1d")] public Duration IdleTimeout { get; init; } = Duration.FromSeconds(60);
}

public sealed record TlsSpec
{
    /// <summary>none = plain HTTP. TLS 1.3: 1 RTT full handshake; 1.2: 2 RTT full, 1 RTT resumed (MODEL_FACTS §8).</summary>
    public TlsVersion Version { get; init; } = TlsVersion.None;

    /// <summary>Share of reconnecting clients that offer a session to resume (hits only the replica's own cache, MODEL_FACTS §8).</summary>
    public Percentage Resumption { get; init; } = Percentage.FromPercent(0);
}

/// <summary>Client retries: each is new load. Back-off doubles (× multiplier) from <c>backoff</c> up to <c>maxBackoff</c>.</summary>
public sealed record RetryPolicySpec
{
    [Limits("0", "20")] public required int Count { get; init; }
    [Limits("0s", "1h")] public Duration Backoff { get; init; } = Duration.FromMilliseconds(100);
    [Limits("1", "10")] public double Multiplier { get; init; } = 2;
    [Limits("0s", "1h")] public Duration MaxBackoff { get; init; } = Duration.FromSeconds(10);

    /// <summary>Statuses that are retried; client timeouts and resets are always retried.</summary>
    public IReadOnlyList<int> OnStatus { get; init; } = [502, 503, 504];
}

/// <summary>Long-lived WebSocket connections mixed into the source's new connections.</summary>
public sealed record WebSocketSpec
{
    /// <summary>Share of new connections that upgrade to WebSocket.</summary>
    public required Percentage Share { get; init; }

    /// <summary>How long a session wants to stay open.</summary>
    public required DistributionSpec Lifetime { get; init; }

    /// <summary>Time between messages; absent = silent sessions, cut by an idle proxy-read-timeout.</summary>
    public DistributionSpec? MessageInterval { get; init; }
}

/// <summary>
/// Demand that moves between a source's targets (a flash sale on one category, a campaign on another):
/// every <c>every</c>, each target's share is multiplied afresh by a log-normal factor with median 1 and
/// spread <c>sigma</c> (of ln). The total rate is unchanged. An input: real traffic mixes vary.
/// </summary>
public sealed record DemandShiftSpec
{
    [Limits("1s", "1d")] public required Duration Every { get; init; }
    [Limits("0", "3")] public required double Sigma { get; init; }
}

/// <summary>
/// Clients come in visits (a shopper's session): a visit is one client sending <c>requests</c> requests
/// on average — after each it goes on with probability 1 − 1/requests (geometric, memoryless) — with a
/// <c>thinkTime</c> between them. Visits start at rate / requests, so the request rate still follows
/// <c>rate</c> on average; each is made by a client drawn from <c>clients</c>. Whether a keep-alive
/// connection is reused, and so how many connections a reload disturbs, follows from the think time
/// against the idle timeout. Inputs: real visit lengths and think times are the site's own.
/// </summary>
public sealed record VisitSpec
{
    [Limits("1", "100000")] public required double Requests { get; init; }
    public required DistributionSpec ThinkTime { get; init; }
}

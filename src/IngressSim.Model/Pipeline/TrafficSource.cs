using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;
using IngressSim.Model.Clients;
using IngressSim.Scenarios.Traffic;

namespace IngressSim.Model.Pipeline;

/// <summary>
/// One population of clients from the scenario: when they send (an open-loop arrival process —
/// arrivals do not wait for responses), what they send, how they connect, and when they give up.
/// Each concern draws from its own stream, so changing one never shifts another's numbers.
/// </summary>
public sealed class TrafficSource
{
    public TrafficSource(int id, TrafficSourceSpec spec, ArrivalProcess arrivals, TrafficTarget[] targets, RandomStreams streams)
    {
        Id = id;
        Spec = spec;
        Arrivals = arrivals;
        Targets = targets;
        Mix = new RequestMix(Array.ConvertAll(targets, t => t.Weight).AsSpan());
        Shift = spec.Shift;
        ShiftStream = streams.For($"traffic/{spec.Name}/shift");
        ArrivalStream = streams.For($"traffic/{spec.Name}/arrivals");
        MixStream = streams.For($"traffic/{spec.Name}/mix");
        ClientStream = streams.For($"traffic/{spec.Name}/clients");
        Retry = spec.Retry is { } retry ? new RetryBackoff(retry) : null;
        if (spec.WebSocket is { } ws)
        {
            WebSocketStream = streams.For($"traffic/{spec.Name}/websocket");
            WebSocketLifetime = Workloads.DurationSamplers.For(ws.Lifetime, WebSocketStream);
            WebSocketMessages = ws.MessageInterval is { } interval ? Workloads.DurationSamplers.For(interval, WebSocketStream) : null;
        }
        if (spec.Visits is { } visits)
        {
            VisitStream = streams.For($"traffic/{spec.Name}/visits");
            ThinkTime = Workloads.DurationSamplers.For(visits.ThinkTime, VisitStream);
            VisitGoesOn = 1 - 1 / visits.Requests;
        }
        RttHalf = spec.Rtt / 2;
    }

    public int Id { get; }
    public TrafficSourceSpec Spec { get; }
    public ArrivalProcess Arrivals { get; }
    public TrafficTarget[] Targets { get; }
    public RequestMix Mix { get; private set; }

    /// <summary>How demand moves between the targets now (null: fixed shares); a timeline traffic change can start it.</summary>
    public DemandShiftSpec? Shift { get; set; }

    /// <summary>Bumped when the shift changes, voiding the shift already scheduled.</summary>
    public int ShiftGeneration { get; set; }

    public RandomStream ShiftStream { get; }

    /// <summary>New shares: each target's base weight times a fresh log-normal factor (median 1, σ of ln).</summary>
    public void ShiftDemand()
    {
        double sigma = Shift!.Sigma;
        var weights = new double[Targets.Length];
        for (int i = 0; i < weights.Length; i++)
            weights[i] = Targets[i].Weight * Math.Exp(sigma * MathNet.Numerics.Distributions.Normal.Sample(ShiftStream, 0, 1));
        Mix = new RequestMix(weights);
    }
    public RandomStream ArrivalStream { get; }
    public RandomStream MixStream { get; }

    /// <summary>Which client (IP) opens a connection, and whether it offers a TLS session to resume.</summary>
    public RandomStream ClientStream { get; }

    public RetryBackoff? Retry { get; }

    /// <summary>WebSocket upgrades, lifetimes and message gaps (null when the source opens none).</summary>
    public RandomStream? WebSocketStream { get; }
    public Distributions.ISampler? WebSocketLifetime { get; }
    public Distributions.ISampler? WebSocketMessages { get; }
    public TimeoutQueue Timeouts { get; } = new();

    /// <summary>Whether a visit goes on after a request, and the think time before the next (null without visits).</summary>
    public RandomStream? VisitStream { get; }
    public Distributions.ISampler? ThinkTime { get; }

    /// <summary>Probability that a visit sends another request: 1 − 1/requests (0 without visits).</summary>
    public double VisitGoesOn { get; }

    /// <summary>One-way client ↔ LB latency.</summary>
    public Duration RttHalf { get; }

    public bool TimeoutTimerPending { get; set; }

    /// <summary>Bumped when the arrival process restarts, voiding the arrival already scheduled.</summary>
    public int ArrivalGeneration { get; set; }
}

using IngressSim.Engine.Time;

namespace IngressSim.Model.Metrics;

/// <summary>
/// One nginx reload of one controller replica (MODEL_FACTS §1): when it started, how long it took, and how
/// many of the replica's client connections were active then and reset, forced to reconnect or delayed by it.
/// </summary>
public readonly record struct ReloadRecord(
    string Controller, int Replica, Instant Start, Duration Duration, int ConnectionsActive, int ConnectionsAffected)
{
    public double AffectedFraction => ConnectionsActive == 0 ? 0 : ConnectionsAffected / (double)ConnectionsActive;
}

/// <summary>A control-plane event for timelines: a deploy, an HPA scaling decision, a crash.</summary>
public readonly record struct TimelineEvent(Instant At, string Kind, string Subject, string Detail);

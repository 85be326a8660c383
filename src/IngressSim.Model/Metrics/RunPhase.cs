using IngressSim.Engine.Time;

namespace IngressSim.Model.Metrics;

/// <summary>A named span of the run (e.g. <c>baseline</c>, <c>storm</c>) summarised on its own; [Start, End).</summary>
public readonly record struct RunPhase(string Name, Instant Start, Instant End)
{
    public bool Contains(Instant t) => t >= Start && t < End;
}

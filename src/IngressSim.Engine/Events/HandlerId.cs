namespace IngressSim.Engine.Events;

/// <summary>
/// A handler's registration with one <see cref="Simulation"/>: events carry this index instead of
/// an object reference (see <see cref="ScheduledEvent"/>). Components register once, at creation.
/// </summary>
public readonly record struct HandlerId(int Value);

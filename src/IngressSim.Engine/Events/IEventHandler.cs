namespace IngressSim.Engine.Events;

/// <summary>
/// Receives the events it scheduled. One handler object serves many events, told apart by
/// <paramref name="kind"/> and <paramref name="arg"/> (an index into the handler's own arrays), so
/// scheduling an event allocates nothing: no closure, no event object.
/// </summary>
public interface IEventHandler
{
    void Handle(Simulation simulation, int kind, long arg);
}

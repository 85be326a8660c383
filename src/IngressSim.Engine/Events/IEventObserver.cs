using IngressSim.Engine.Time;

namespace IngressSim.Engine.Events;

/// <summary>Sees every event just before it runs: traces for determinism tests and debugging.</summary>
public interface IEventObserver
{
    void OnEvent(Instant time, long sequence, int priority, IEventHandler handler, int kind, long arg);
}

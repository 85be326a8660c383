using IngressSim.Engine.Stations;
using IngressSim.Engine.Time;

namespace IngressSim.Model.Pipeline;

/// <summary>
/// Lets stations be built before the component that handles their departures exists (the cluster
/// is built first, the request path that serves it second).
/// </summary>
public sealed class StationRelay : IStationListener
{
    public IStationListener? Target { get; set; }

    public void OnDeparture(FifoStation station, long customer, Instant arrived, Instant started) =>
        (Target ?? throw new InvalidOperationException("no listener attached")).OnDeparture(station, customer, arrived, started);
}

using IngressSim.Engine.Time;

namespace IngressSim.Engine.Stations;

/// <summary>Told when a customer leaves a <see cref="FifoStation"/> after service.</summary>
public interface IStationListener
{
    /// <param name="customer">the caller's identifier, as passed to <see cref="FifoStation.Arrive"/>.</param>
    /// <param name="arrived">when the customer joined the station.</param>
    /// <param name="started">when its service began (arrived + waiting time).</param>
    void OnDeparture(FifoStation station, long customer, Instant arrived, Instant started);
}

using IngressSim.Model.Controllers;

namespace IngressSim.Model.Pipeline;

/// <summary>Receives the end of a reload's CPU work on a replica (queued with <see cref="RequestPath.StartReloadWork"/>).</summary>
public interface IReloadCompletion
{
    void OnReloadWorkDone(ControllerReplica replica);
}

namespace IngressSim.Model.Controllers.Nginx;

/// <summary>
/// What one ingress-nginx sync does with the model it built (ING docs/how-it-works.md): nothing when it
/// equals the running one, a Lua update when only dynamic parts differ, else a reload. Ordered by cost,
/// so the outcome of a sync covering several changes is the largest of theirs.
/// </summary>
public enum NginxUpdate
{
    /// <summary>The new model equals the running one (<c>runningConfig.Equal(pcfg)</c> in syncIngress).</summary>
    NoChange,

    /// <summary>
    /// Backends (and certificates) POSTed to Lua on 127.0.0.1:10246; each worker picks them up on its next
    /// poll, within BACKENDS_SYNC_INTERVAL (MODEL_FACTS §1: 1 s, rootfs/etc/nginx/lua/balancer.lua).
    /// </summary>
    DynamicUpdate,

    /// <summary>New nginx.conf, <c>nginx -t</c>, <c>nginx -s reload</c>: a new worker generation (MODEL_FACTS §1).</summary>
    Reload,
}

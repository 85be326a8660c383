using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IngressSim.Model.Controllers.RateLimiting;

/// <summary>
/// nginx <c>limit_conn</c> per client key on one replica (ingress-nginx <c>limit-connections</c>,
/// MODEL_FACTS §2). nginx counts a connection only while it has a request being processed, so the
/// caller opens when a request starts at the controller and closes when it finishes. Memory holds
/// only keys with something open.
/// </summary>
public sealed class LimitConn
{
    private readonly Dictionary<long, int> _open = [];

    /// <param name="rejectStatus">MODEL_FACTS §2: limit-conn-status-code 503.</param>
    public LimitConn(int limit, int rejectStatus)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        Limit = limit;
        RejectStatus = rejectStatus;
    }

    public int Limit { get; }
    public int RejectStatus { get; }

    public int OpenFor(long key) => _open.GetValueOrDefault(key);

    /// <summary>Counts one more for <paramref name="key"/> unless it is at the limit.</summary>
    public bool TryOpen(long key)
    {
        ref int count = ref CollectionsMarshal.GetValueRefOrAddDefault(_open, key, out _);
        if (count >= Limit)
        {
            if (count == 0) _open.Remove(key);
            return false;
        }
        count++;
        return true;
    }

    public void Close(long key)
    {
        ref int count = ref CollectionsMarshal.GetValueRefOrNullRef(_open, key);
        if (Unsafe.IsNullRef(ref count)) throw new InvalidOperationException($"no open connection for key {key}");
        if (--count == 0) _open.Remove(key);
    }

    /// <summary>A replica restart drops every counted connection.</summary>
    public void Clear() => _open.Clear();
}

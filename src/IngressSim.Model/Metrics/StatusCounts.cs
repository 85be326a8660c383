using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace IngressSim.Model.Metrics;

/// <summary>
/// One counter per <see cref="ResponseStatus"/>, inline (no array): copied into rows and results
/// without allocating, which keeps window closing allocation-free.
/// </summary>
public struct StatusCounts : IEquatable<StatusCounts>
{
    [InlineArray(ResponseStatuses.Count)]
    private struct Buffer
    {
        private long _element0;
    }

    private Buffer _counts;

    public readonly long this[ResponseStatus status] => _counts[(int)status];

    public readonly long Total
    {
        get
        {
            long total = 0;
            foreach (long c in (ReadOnlySpan<long>)_counts) total += c;
            return total;
        }
    }

    public readonly long Errors => Total - this[ResponseStatus.Ok2xx];

    internal void Increment(ResponseStatus status) => _counts[(int)status]++;

    internal void Add(in StatusCounts other)
    {
        for (int i = 0; i < ResponseStatuses.Count; i++) _counts[i] += other._counts[i];
    }

    internal void Clear() => ((Span<long>)_counts).Clear();

    public readonly bool Equals(StatusCounts other) =>
        ((ReadOnlySpan<long>)_counts).SequenceEqual(other._counts);

    public override readonly bool Equals(object? obj) => obj is StatusCounts other && Equals(other);

    public override readonly int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(MemoryMarshal.AsBytes((ReadOnlySpan<long>)_counts));
        return hash.ToHashCode();
    }
}

namespace IngressSim.Model.Metrics;

/// <summary>
/// An append-only list with a cap: past the cap entries are counted, not kept, so a pathological
/// scenario (a reload every 100 ms for a week) cannot exhaust memory.
/// </summary>
public sealed class BoundedLog<T>
{
    private readonly List<T> _entries = [];

    public BoundedLog(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        Capacity = capacity;
    }

    public int Capacity { get; }
    public long Dropped { get; private set; }
    public IReadOnlyList<T> Entries => _entries;

    public void Add(T entry)
    {
        if (_entries.Count < Capacity) _entries.Add(entry);
        else Dropped++;
    }
}

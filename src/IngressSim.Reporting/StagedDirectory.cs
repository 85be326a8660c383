namespace IngressSim.Reporting;

/// <summary>
/// An output folder written all or nothing (issue 4): files go to a hidden sibling folder,
/// <see cref="Staging"/>, which <see cref="Publish"/> renames into place, replacing a previous folder.
/// Disposing without publishing (the writer failed) deletes the staging folder and leaves any previous
/// folder untouched.
/// </summary>
public sealed class StagedDirectory : IDisposable
{
    private bool _finished;

    public StagedDirectory(string target)
    {
        Target = Path.GetFullPath(target);
        string parent = Path.GetDirectoryName(Target) ?? throw new ArgumentException("the output folder cannot be a root", nameof(target));
        Directory.CreateDirectory(parent);
        // A sibling, so the final rename stays on one file system (an atomic rename, not a copy).
        Staging = Path.Combine(parent, $".{Path.GetFileName(Target)}.partial-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Staging);
    }

    /// <summary>The final folder (absolute).</summary>
    public string Target { get; }

    /// <summary>Where to write the files until <see cref="Publish"/>.</summary>
    public string Staging { get; }

    /// <summary>Moves the staged folder into place; an older folder is removed only once the new one is there.</summary>
    public void Publish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        string? old = null;
        if (Directory.Exists(Target))
        {
            old = Path.Combine(Path.GetDirectoryName(Target)!, $".{Path.GetFileName(Target)}.old-{Guid.NewGuid():N}");
            Directory.Move(Target, old);
        }
        Directory.Move(Staging, Target);
        _finished = true;
        if (old is not null) Directory.Delete(old, recursive: true);
    }

    /// <summary>Without <see cref="Publish"/>: discards the staged files.</summary>
    public void Dispose()
    {
        if (_finished) return;
        _finished = true;
        if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
    }
}

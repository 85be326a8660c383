namespace IngressSim.Experiments.Sweeps;

/// <summary>Every unit of one sweep gathered from its shard folders: the manifest's bytes and each unit's bytes, in unit order.</summary>
public sealed record MergedSweep(byte[] ManifestBytes, SweepManifest Manifest, IReadOnlyList<UnitResult> Units, IReadOnlyList<byte[]> UnitBytes)
{
    public SweepResult Analyse() => SweepAnalysis.Of(Manifest, Units);
}

/// <summary>
/// Gathers shard folders of one sweep: they must hold the same manifest (byte for byte), every unit must be
/// in at least one of them, and a unit found twice must be the same bytes (a retried pod writes it again).
/// Unit files are copied as they are, so a merge yields the folder a single run would have written.
/// </summary>
public static class SweepMerge
{
    /// <exception cref="SweepFolderException">Folders of different sweeps, missing units, or two different results for a unit.</exception>
    public static MergedSweep Collect(IReadOnlyList<string> folders)
    {
        if (folders.Count == 0) throw new ArgumentException("no folders", nameof(folders));
        var opened = folders.Select(SweepFolder.Open).ToArray();
        var (first, manifestBytes) = opened[0];
        foreach (var (folder, bytes) in opened.Skip(1))
            if (!bytes.AsSpan().SequenceEqual(manifestBytes))
                throw new SweepFolderException(
                    $"{folder.Path} holds another sweep than {first.Path} (fingerprint {folder.Fingerprint[..12]} vs {first.Fingerprint[..12]}; sweep '{folder.Manifest.Sweep}' vs '{first.Manifest.Sweep}')",
                    "merge only the shard folders of one sweep, run with the same sweep file, --param values and image");

        var manifest = first.Manifest;
        var units = new UnitResult?[manifest.Units];
        var unitBytes = new byte[]?[manifest.Units];
        var foundIn = new string?[manifest.Units];
        foreach (var (folder, _) in opened)
        {
            foreach (int unit in folder.FinishedUnits().Order())
            {
                var bytes = folder.ReadUnitBytes(unit);
                if (unitBytes[unit] is { } earlier)
                {
                    if (!earlier.AsSpan().SequenceEqual(bytes))
                        throw new SweepFolderException($"unit {unit} differs between {foundIn[unit]} and {folder.Path}",
                            "a unit's result is deterministic: one of the folders was changed by hand or written by another build; delete that unit file and rerun its shard");
                    continue;
                }
                units[unit] = folder.ReadUnit(unit);
                unitBytes[unit] = bytes;
                foundIn[unit] = folder.Path;
            }
        }
        var missing = Enumerable.Range(0, manifest.Units).Where(u => unitBytes[u] is null).ToArray();
        if (missing.Length > 0)
            throw new SweepFolderException(
                $"{missing.Length} of {manifest.Units} units are missing: {string.Join(", ", missing.Take(10))}{(missing.Length > 10 ? ", ..." : "")}",
                "run the missing shards (with --shard K/N, unit k belongs to shard k mod N) into their folders, then merge again");
        return new MergedSweep(manifestBytes, manifest, units!, unitBytes!);
    }
}

using System.Globalization;

namespace IngressSim.Experiments.Sweeps;

/// <summary>
/// A sweep's output folder: <c>sweep-plan.json</c>, one <c>units/NNNNNN.json</c> per finished unit (each
/// written to a temporary name and renamed, so a file that exists is complete), and the report once every
/// unit is there. Reopening the folder with the same manifest resumes it; another sweep's folder is refused.
/// </summary>
public sealed class SweepFolder
{
    public const string UnitsFolder = "units";

    private SweepFolder(string path, SweepManifest manifest, string fingerprint)
    {
        Path = path;
        Manifest = manifest;
        Fingerprint = fingerprint;
    }

    public string Path { get; }
    public SweepManifest Manifest { get; }
    public string Fingerprint { get; }

    private string UnitsPath => System.IO.Path.Combine(Path, UnitsFolder);

    public static string UnitFileName(int unit) => unit.ToString("D6", CultureInfo.InvariantCulture) + ".json";

    /// <summary>Creates the folder for <paramref name="plan"/>, or reopens it when it holds the same sweep.</summary>
    /// <exception cref="SweepFolderException">The folder holds another sweep, or files that are not a sweep's.</exception>
    public static SweepFolder Create(string path, SweepPlan plan)
    {
        path = System.IO.Path.GetFullPath(path);
        var manifest = plan.Manifest.ToBytes();
        string manifestPath = System.IO.Path.Combine(path, SweepManifest.FileName);
        if (File.Exists(manifestPath))
        {
            if (!File.ReadAllBytes(manifestPath).AsSpan().SequenceEqual(manifest))
                throw new SweepFolderException($"{path} holds another sweep (its {SweepManifest.FileName} differs from this sweep's, fingerprint {plan.Fingerprint[..12]})",
                    "use another --out, or delete the folder to start this sweep over; a changed scenario, sweep, --param or simulator version makes another sweep");
        }
        else if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any())
        {
            throw new SweepFolderException($"{path} is not empty and holds no {SweepManifest.FileName}", "give a new or empty folder with --out");
        }
        Directory.CreateDirectory(System.IO.Path.Combine(path, UnitsFolder));
        if (!File.Exists(manifestPath)) AtomicFile.Write(manifestPath, manifest);
        return new SweepFolder(path, plan.Manifest, plan.Fingerprint);
    }

    /// <summary>A merge replaces its output folder whole: only a new or empty folder, or a sweep folder, may be replaced.</summary>
    /// <exception cref="SweepFolderException">The folder holds files that are not a sweep's.</exception>
    public static void CheckReplaceable(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(path) && Directory.EnumerateFileSystemEntries(path).Any() && !File.Exists(System.IO.Path.Combine(path, SweepManifest.FileName)))
            throw new SweepFolderException($"{path} is not empty and holds no {SweepManifest.FileName}: merge would replace it", "give a new or empty folder, or a sweep folder, with --out");
    }

    /// <summary>Opens an existing folder to read (merge): its manifest must parse.</summary>
    public static (SweepFolder Folder, byte[] ManifestBytes) Open(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        string manifestPath = System.IO.Path.Combine(path, SweepManifest.FileName);
        if (!File.Exists(manifestPath))
            throw new SweepFolderException($"{path} is not a sweep folder: it has no {SweepManifest.FileName}", "name folders written by 'ingress-sim sweep'");
        var bytes = File.ReadAllBytes(manifestPath);
        var manifest = SweepManifest.Parse(bytes)
            ?? throw new SweepFolderException($"{manifestPath} is damaged: it is not a sweep manifest", "run the sweep into a new folder");
        return (new SweepFolder(path, manifest, manifest.Fingerprint), bytes);
    }

    /// <summary>Indices of the units whose result file exists.</summary>
    public IReadOnlySet<int> FinishedUnits()
    {
        var done = new HashSet<int>();
        if (!Directory.Exists(UnitsPath)) return done;
        foreach (var file in Directory.EnumerateFiles(UnitsPath, "*.json"))
            if (int.TryParse(System.IO.Path.GetFileNameWithoutExtension(file), NumberStyles.None, CultureInfo.InvariantCulture, out int unit)
                && unit < Manifest.Units && System.IO.Path.GetFileName(file) == UnitFileName(unit))
                done.Add(unit);
        return done;
    }

    public void WriteUnit(UnitResult result) => AtomicFile.Write(UnitPath(result.Unit), result.ToBytes());

    public byte[] ReadUnitBytes(int unit) => File.ReadAllBytes(UnitPath(unit));

    /// <summary>A unit's result, checked to be this sweep's and the unit its name says.</summary>
    public UnitResult ReadUnit(int unit) => Check(ReadUnitBytes(unit), unit, UnitPath(unit), Fingerprint, Manifest);

    internal static UnitResult Check(byte[] bytes, int unit, string path, string fingerprint, SweepManifest manifest)
    {
        var result = UnitResult.Parse(bytes);
        if (result is null || result.Unit != unit || result.Phases.Count != manifest.Phases.Count
            || result.Phases.Any(p => p.Values.Count != manifest.Metrics.Count))
            throw new SweepFolderException($"{path} is damaged: it is not unit {unit}'s result", "delete it and run the sweep again into this folder: only missing units run");
        if (result.Sweep != fingerprint)
            throw new SweepFolderException($"{path} belongs to another sweep (fingerprint {result.Sweep[..Math.Min(12, result.Sweep.Length)]}, expected {fingerprint[..12]})",
                "delete it and run the sweep again into this folder");
        return result;
    }

    /// <summary>Every unit in index order: what the report is computed from, locally or after a merge.</summary>
    public IReadOnlyList<UnitResult> ReadAllUnits() => Enumerable.Range(0, Manifest.Units).Select(ReadUnit).ToArray();

    private string UnitPath(int unit) => System.IO.Path.Combine(UnitsPath, UnitFileName(unit));
}

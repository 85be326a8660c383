using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using IngressSim.Scenarios.Sweeps;

namespace IngressSim.Experiments.Sweeps;

/// <summary>
/// Everything that defines a sweep's results, stored as <c>sweep-plan.json</c> in every folder it writes
/// (local, shard or merged): the grid, replication seeds, metrics and phases, the scenario's content hash
/// and the simulator's version. Two folders belong to the same sweep exactly when these bytes are equal;
/// their SHA-256 is the <see cref="Fingerprint"/> each unit file carries. Merge needs nothing else.
/// </summary>
public sealed record SweepManifest
{
    public const string FileName = "sweep-plan.json";

    public required string Sweep { get; init; }
    public string? Description { get; init; }
    public required string Scenario { get; init; }

    /// <summary>The scenario path as the sweep file writes it (never an absolute path: it must match on every machine).</summary>
    public required string ScenarioFile { get; init; }

    public required string ScenarioSha256 { get; init; }
    public required string SimulatorVersion { get; init; }
    public required ulong ScenarioSeed { get; init; }
    public required IReadOnlyDictionary<string, string> Fixed { get; init; }
    public required IReadOnlyList<SweepDimension> Dimensions { get; init; }
    public required int Replications { get; init; }

    /// <summary>Replication i's seed at index i, the same at every point (common random numbers).</summary>
    public required IReadOnlyList<ulong> Seeds { get; init; }

    public required IReadOnlyList<SweepMetric> Metrics { get; init; }
    public required IReadOnlyList<string> Phases { get; init; }

    [JsonIgnore] public int Points => SweepDimension.PointCount(Dimensions);
    [JsonIgnore] public int Units => Points * Replications;

    /// <summary>Hex SHA-256 of <see cref="ToBytes"/>.</summary>
    [JsonIgnore] public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(ToBytes()));

    /// <summary>Unit k is replication k mod R of point k div R: a point's replications are neighbours, and finish together.</summary>
    public SweepUnit Unit(int index) => new(index, index / Replications, index % Replications, Seeds[index % Replications]);

    public static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        NewLine = "\n",
        // Readable text ('+' in a version, not \u002B); still valid, deterministic JSON.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Json);

    /// <summary>Null when the bytes are not a manifest (a foreign or damaged file).</summary>
    public static SweepManifest? Parse(byte[] bytes)
    {
        try
        {
            return JsonSerializer.Deserialize<SweepManifest>(bytes, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>One run of a sweep: replication <see cref="Replication"/> of point <see cref="Point"/>, with its seed.</summary>
public readonly record struct SweepUnit(int Index, int Point, int Replication, ulong Seed);

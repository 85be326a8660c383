using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Validation;

namespace IngressSim.Scenarios.Tests;

/// <summary>
/// The loader's contract under fire: random and mutated documents either load or produce
/// diagnostics — never an exception. Mutations start from the valid examples and garble them the
/// way people and tools do: lines deleted, duplicated, swapped or re-indented, values retyped,
/// YAML punctuation and anchors sprinkled in.
/// </summary>
public class RobustnessProperties
{
    private static readonly string[] Seeds =
        [.. Directory.GetFiles(RepoPaths.Examples, "*.yaml").Order(StringComparer.Ordinal).Select(File.ReadAllText), Yaml.Valid];

    private static readonly string[] Noise =
        [":", "- ", "{", "}", "[", "]", "&a ", "*a", "!!int ", "|", ">", "'", "\"", "#", "${x}", "${", "\t", "\n", "  ", "? ", "---\n", "~", "-1", "1e999", "10k/s", "abc", "%", "\u0000", "é"];

    [Property(MaxTest = 300)]
    public void MutatedExamples_LoadOrReportNeverThrow(NonNegativeInt seed, PositiveInt mutations)
    {
        var random = new Random(seed.Get);
        var text = Seeds[random.Next(Seeds.Length)];
        for (int i = 0; i < 1 + mutations.Get % 6; i++) text = Mutate(text, random);
        var result = ScenarioLoader.LoadText(text, RepoPaths.Example("mutated.yaml"), new ScenarioLoadOptions { Variant = random.Next(4) == 0 ? "contour" : null });
        Assert.True(result.Succeeded || result.Diagnostics.Count > 0);
    }

    [Property(MaxTest = 200)]
    public void RandomText_LoadsOrReportsNeverThrows(string? text)
    {
        var result = ScenarioLoader.LoadText(text ?? "", "/virtual/random.yaml");
        Assert.True(result.Succeeded || result.Diagnostics.Count > 0);
    }

    [Property(MaxTest = 100)]
    public void RandomParameterOverrides_NeverThrow(NonNegativeInt seed, string? value)
    {
        var names = new[] { "duration", "services", "peakDeploys", "batchWindow", "unknown" };
        var options = new ScenarioLoadOptions { Parameters = new Dictionary<string, string> { [names[seed.Get % names.Length]] = value ?? "" } };
        var result = ScenarioLoader.Load(RepoPaths.Example("storefront.yaml"), options);
        Assert.True(result.Succeeded || result.Diagnostics.Count > 0);
    }

    [Property(MaxTest = 60)]
    public void MutatedBrokenFiles_ValidateNeverThrows(NonNegativeInt seed)
    {
        var random = new Random(seed.Get);
        var files = Directory.GetFiles(RepoPaths.Broken, "*.yaml").Order(StringComparer.Ordinal).ToArray();
        var path = Path.Combine(Path.GetTempPath(), $"ingresssim-mutated-{Environment.ProcessId}-{seed.Get}.yaml");
        File.WriteAllText(path, Mutate(File.ReadAllText(files[random.Next(files.Length)]), random));
        try
        {
            _ = ValidationRun.Validate([path]);
        }
        finally { File.Delete(path); }
    }

    private static string Mutate(string text, Random random)
    {
        var lines = text.Split('\n').ToList();
        int at = random.Next(lines.Count);
        switch (random.Next(7))
        {
            case 0: lines.RemoveAt(at); break;
            case 1: lines.Insert(at, lines[random.Next(lines.Count)]); break;
            case 2: (lines[at], lines[random.Next(lines.Count)]) = (lines[random.Next(lines.Count)], lines[at]); break;
            case 3: lines[at] = new string(' ', random.Next(12)) + lines[at].TrimStart(); break;
            case 4:
                int colon = lines[at].IndexOf(": ", StringComparison.Ordinal);
                if (colon > 0) lines[at] = lines[at][..(colon + 2)] + Noise[random.Next(Noise.Length)];
                break;
            case 5:
                if (lines[at].Length > 0) lines[at] = lines[at].Insert(random.Next(lines[at].Length), Noise[random.Next(Noise.Length)]);
                break;
            default:
                if (lines[at].Length > 0)
                {
                    int c = random.Next(lines[at].Length);
                    lines[at] = lines[at][..c] + (char)random.Next(32, 127) + lines[at][(c + 1)..];
                }
                break;
        }
        return string.Join('\n', lines);
    }
}

using IngressSim.Engine.Randomness;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace IngressSim.Routing.Tests.Conformance;

/// <summary>The shared conformance format (Conformance/README.md): cases of manifests and expected routing.</summary>
public sealed class ConformanceFile
{
    public string Source { get; set; } = "";
    public List<ConformanceCase> Cases { get; set; } = [];

    public static readonly string[] FileNames =
    [
        "ingress-controller-conformance.yaml",
        "k8s-docs-ingress.yaml",
        "ingress-nginx-paths.yaml",
        "ingress-nginx-canary.yaml",
        "gateway-api-conformance.yaml",
    ];

    private static readonly Dictionary<string, ConformanceFile> Loaded = [];

    public static ConformanceFile Load(string fileName)
    {
        lock (Loaded)
        {
            if (Loaded.TryGetValue(fileName, out var file)) return file;
            var deserializer = new DeserializerBuilder()
                .WithNamingConvention(UnderscoredNamingConvention.Instance)
                .IgnoreUnmatchedProperties()
                .Build();
            var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Conformance", fileName));
            return Loaded[fileName] = deserializer.Deserialize<ConformanceFile>(text);
        }
    }
}

public sealed class ConformanceCase
{
    public string Name { get; set; } = "";
    public string Ingress { get; set; } = "";
    public List<ConformanceRequest> Requests { get; set; } = [];
}

public sealed class ConformanceRequest
{
    public string Method { get; set; } = "GET";
    public string Scheme { get; set; } = "http";
    public string Host { get; set; } = "";
    public string Path { get; set; } = "/";
    public Dictionary<string, string> Headers { get; set; } = [];
    public Dictionary<string, string> Cookies { get; set; } = [];
    public Expectation Expect { get; set; } = new();
    public string? Note { get; set; }

    public RouteRequest ToRouteRequest() => new()
    {
        Method = Method,
        Scheme = Scheme,
        Host = Host,
        Target = Path,
        Headers = Headers.Select(h => new HttpField(h.Key, h.Value)).ToArray(),
        Cookies = Cookies.Select(c => new HttpField(c.Key, c.Value)).ToArray(),
    };
}

public sealed class Expectation
{
    public string? Backend { get; set; }
    public int? Port { get; set; }
    public int? Status { get; set; }
    public Dictionary<string, double>? Split { get; set; }
    public double Tolerance { get; set; }
    public int Samples { get; set; }
}

/// <summary>A fixed seed per case: the split checks are reproducible, not flaky.</summary>
internal static class ConformanceRandom
{
    public static RandomStream For(string caseName) => new(20240101UL, "conformance/" + caseName);
}

using IngressSim.Kubernetes.Manifests;

namespace IngressSim.Routing.Tests.Conformance;

/// <summary>
/// Every request of every case in Conformance/*.yaml, one test each (file, case, request index). The
/// manifests are compiled with <see cref="ControllerSelection.ForManifests"/>, as the route command does.
/// </summary>
public class ConformanceTests
{
    public static TheoryData<string, string, int> Requests()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var fileName in ConformanceFile.FileNames)
            foreach (var conformanceCase in ConformanceFile.Load(fileName).Cases)
                for (int i = 0; i < conformanceCase.Requests.Count; i++)
                    data.Add(fileName, conformanceCase.Name, i);
        return data;
    }

    [Fact]
    public void Files_HoldAllTheCases()
    {
        Assert.Equal(218, Requests().Count());
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Request_IsRoutedAsExpected(string file, string caseName, int requestIndex)
    {
        var conformanceCase = ConformanceFile.Load(file).Cases.Single(c => c.Name == caseName);
        var spec = conformanceCase.Requests[requestIndex];
        var manifests = ManifestReader.ReadText(conformanceCase.Ingress, $"{file}#{caseName}");
        Assert.False(manifests.HasErrors, string.Join("\n", manifests.Diagnostics));
        var router = Router.Compile(manifests.Objects, ControllerSelection.ForManifests(manifests.Objects));
        var request = spec.ToRouteRequest();
        var random = ConformanceRandom.For(caseName);

        if (spec.Expect.Split is { } split)
        {
            var shares = RouteSplit.Sample(router, request, spec.Expect.Samples, random);
            foreach (var (backend, fraction) in split)
            {
                double actual = shares.SingleOrDefault(s => s.Backend?.Service == backend)?.Fraction ?? 0;
                Assert.InRange(actual, fraction - spec.Expect.Tolerance, fraction + spec.Expect.Tolerance);
            }
            Assert.Equal(1.0, shares.Where(s => split.ContainsKey(s.Backend?.Service ?? "")).Sum(s => s.Fraction), 9);
            return;
        }
        var result = router.Route(request, random);
        if (spec.Expect.Status is int status)
        {
            Assert.Equal(status, result.Status);
            return;
        }
        Assert.True(result.IsProxied, $"expected {spec.Expect.Backend}:{spec.Expect.Port}, got {result}");
        Assert.Equal(spec.Expect.Backend, result.Backend!.Service);
        Assert.Equal(spec.Expect.Port, result.Backend.Port);
    }
}

using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Yaml;

namespace IngressSim.Scenarios.Tests;

public class YamlTreeReaderTests
{
    private static (IReadOnlyList<SourceNode> Documents, DiagnosticBag Diagnostics) Read(string text, YamlLimits? limits = null)
    {
        var bag = new DiagnosticBag();
        return (YamlTreeReader.Read(text, "f.yaml", bag, limits), bag);
    }

    [Fact]
    public void Read_KeepsOneBasedLineAndColumn()
    {
        var (docs, bag) = Read("a:\n  b: [1, 22]\n");
        Assert.False(bag.HasErrors);
        var b = (SequenceNode)((MappingNode)((MappingNode)docs[0])["a"]!)["b"]!;
        Assert.Equal(new SourceLocation("f.yaml", 2, 10), b.Items[1].Location);
    }

    [Fact]
    public void Read_SyntaxError_IsLocated()
    {
        var (_, bag) = Read("a: 1\nb: [1, 2\nc: 3\n");
        var error = Assert.Single(bag.Items);
        Assert.Equal(ScenarioCodes.YamlSyntax, error.Code);
        Assert.Equal(2, error.Location.Line);
    }

    [Fact]
    public void Read_DuplicateKey_PointsAtTheSecond()
    {
        var (_, bag) = Read("a: 1\nb: 2\na: 3\n");
        var error = Assert.Single(bag.Items);
        Assert.Equal(ScenarioCodes.DuplicateKey, error.Code);
        Assert.Equal((3, 1), (error.Location.Line, error.Location.Column));
        Assert.Contains("first at line 1", error.Message);
    }

    [Fact]
    public void Read_AliasesShareTheAnchoredNode()
    {
        var (docs, bag) = Read("a: &x {k: v}\nb: *x\n");
        Assert.False(bag.HasErrors);
        var root = (MappingNode)docs[0];
        Assert.Same(root["a"], root["b"]);
    }

    [Fact]
    public void Read_AliasBomb_IsRejectedWhileReading()
    {
        // The "billion laughs": each level repeats the previous ten times.
        var lines = new List<string> { "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]" };
        for (int i = 1; i <= 9; i++)
            lines.Add($"a{i}: &a{i} [{string.Join(", ", Enumerable.Repeat($"*a{i - 1}", 10))}]");
        var (_, bag) = Read(string.Join("\n", lines));
        var error = Assert.Single(bag.Items);
        Assert.Equal(ScenarioCodes.AliasLimit, error.Code);
        Assert.Contains("expands to more than", error.Message);
    }

    [Fact]
    public void Read_SelfAlias_IsACycle()
    {
        var (_, bag) = Read("a: &x [1, *x]\n");
        var error = Assert.Single(bag.Items);
        Assert.Contains("cycle", error.Message);
    }

    [Fact]
    public void Read_UnknownAlias_IsReported()
    {
        var (_, bag) = Read("a: *nowhere\n");
        Assert.Contains("no anchor &nowhere", Assert.Single(bag.Items).Message);
    }

    [Fact]
    public void Read_TooDeep_IsRejected()
    {
        var (_, bag) = Read(new string('[', 100) + new string(']', 100), new YamlLimits { MaxDepth = 10 });
        var error = Assert.Single(bag.Items);
        Assert.Equal(ScenarioCodes.TooDeep, error.Code);
        Assert.Equal(11, error.Location.Column);
    }

    [Fact]
    public void Read_MultipleDocuments_AreAllReturned()
    {
        var (docs, bag) = Read("a: 1\n---\nb: 2\n---\nc: 3\n");
        Assert.False(bag.HasErrors);
        Assert.Equal(3, docs.Count);
    }
}

using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Scenarios.Lint;
using IngressSim.Scenarios.Loading;
using IngressSim.Scenarios.Validation;

namespace IngressSim.Scenarios.Tests;

/// <summary>Each lint rule against its broken example (scenarios/examples/broken/): code, severity and line:col.</summary>
public class LintTests
{
    private static ValidationReport Validate(string file) => ValidationRun.Validate([Path.Combine(RepoPaths.Broken, file)]);

    private static IEnumerable<string> Findings(ValidationReport report) =>
        report.Diagnostics.Select(d => $"{d.Code} {d.Location.Line}:{d.Location.Column}");

    [Theory]
    [InlineData("lnt001-no-controller-for-class.yaml", "LNT001 16:21")]
    [InlineData("lnt002-missing-class-name.yaml", "LNT002 21:3")]
    [InlineData("lnt003-two-default-classes.yaml", "LNT003 14:50")]
    [InlineData("lnt004-tls-secret-other-namespace.yaml", "LNT004 24:19")]
    [InlineData("lnt012-network-policy.yaml", "LNT012 27:5")]
    [InlineData("lnt013-duplicate-host-path.yaml", "LNT013 30:19")]
    [InlineData("lnt009-no-anti-affinity.yaml", "LNT009 13:9")]
    public void Rule_ReportsItsProblemAtTheField(string file, string expected)
    {
        var report = Validate(file);
        Assert.Equal([expected], Findings(report));
    }

    [Fact]
    public void BackendRules_ReportMissingServiceWrongPortAndHeadless()
    {
        var report = Validate("lnt005-006-007-backends.yaml");
        Assert.Equal(["LNT005 28:39", "LNT006 31:50", "LNT007 34:39"], Findings(report));
        Assert.Contains("Service 'carts', which does not exist in namespace default", report.Diagnostics[0].Message);
        Assert.Contains("exposes 80 (http)", report.Diagnostics[1].Message);
        Assert.False(report.IsValid);
    }

    [Fact]
    public void AnnotationValues_OutOfRangeAndNegative()
    {
        var report = Validate("lnt014-annotation-values.yaml");
        Assert.Equal(["LNT014 18:48", "LNT014 19:44"], Findings(report));
        Assert.Contains("150 is out of range; expected 0 to canary-weight-total", report.Diagnostics[0].Message);
        Assert.All(report.Diagnostics, d => Assert.Equal(Severity.Error, d.Severity));
    }

    [Fact]
    public void ScenarioRules_SpofWebSocketTimeoutAndExactPath()
    {
        var report = Validate("lnt008-010-011-scenario.yaml");
        Assert.Equal(["LNT010 15:11", "LNT008 20:19", "LNT011 36:26"], Findings(report));
        Assert.True(report.IsValid, "warnings only");
        Assert.Contains("~600 s", report.Diagnostics[0].Message);
    }

    [Fact]
    public void ManyScenarioErrors_AreAllReportedInOnePass()
    {
        var report = Validate("scn-many-errors.yaml");
        Assert.Equal(["SCN011 7:13", "SCN012 11:9", "SCN011 12:26", "SCN011 16:15", "SCN011 17:19", "SCN014 19:32"], Findings(report));
    }

    [Fact]
    public void ValidExamples_HaveNoLintErrors()
    {
        var report = ValidationRun.Validate(Directory.GetFiles(RepoPaths.Examples, "*.yaml"));
        Assert.True(report.IsValid, DiagnosticFormatter.Text(report.Diagnostics));
    }

    [Fact]
    public void WebSocketRule_HonoursTheIngressAnnotation()
    {
        // storefront's live.example.com Ingress raises proxy-read-timeout to 3600 s: 10-minute sessions fit.
        var scenario = ScenarioLoader.Load(RepoPaths.Example("storefront.yaml")).Scenario!;
        Assert.DoesNotContain(ScenarioLinter.Lint(new LintContext(scenario.Manifests, scenario)), d => d.Code == LintCodes.LongLivedTimeout);
    }

    [Fact]
    public void EveryRule_HasABrokenExample()
    {
        var covered = Directory.GetFiles(RepoPaths.Broken, "*.yaml").SelectMany(f => ValidationRun.Validate([f]).Diagnostics).Select(d => d.Code).ToHashSet();
        Assert.All(ScenarioLinter.Rules, rule => Assert.Contains(rule.Code, covered));
    }
}

/// <summary>
/// LNT001 agrees with the router: a plain manifest file without IngressClasses is routed as ingress-nginx,
/// whose install creates the class "nginx"; a scenario's controllers are explicit.
/// </summary>
public class IngressNginxClassLintTests
{
    private static string Manifests(string metadata, string spec) => $$"""
        apiVersion: v1
        kind: Service
        metadata: {name: web}
        spec: {ports: [{port: 80}]}
        ---
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: web{{metadata}}
        spec:
          {{spec}}rules:
          - host: web.example.com
            http:
              paths:
              - path: /
                pathType: Prefix
                backend:
                  service:
                    name: web
                    port: {number: 80}
        """;

    [Theory]
    [InlineData("", "ingressClassName: nginx\n  ", Severity.Warning)]
    [InlineData("\n  annotations: {kubernetes.io/ingress.class: nginx}", "", Severity.Warning)]
    [InlineData("", "ingressClassName: traefik\n  ", Severity.Error)]
    public void ManifestFileWithoutIngressClasses_AssumesIngressNginxsOwnClass(string metadata, string spec, Severity severity)
    {
        var path = Path.Combine(Path.GetTempPath(), $"ingresssim-lint-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Manifests(metadata, spec));
        try
        {
            var finding = Assert.Single(ValidationRun.Validate([path]).Diagnostics);
            Assert.Equal((LintCodes.NoControllerForClass, severity), (finding.Code, finding.Severity));
            if (severity == Severity.Warning) Assert.Contains("include the IngressClass 'nginx'", finding.Hint);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void ScenarioWhoseControllersServeAnotherClass_KeepsTheError()
    {
        var manifests = string.Join('\n', Manifests("", "ingressClassName: nginx\n  ").Split('\n').Select(l => "      " + l));
        var scenario = Yaml.Load(Yaml.Valid + "\n    manifests: |\n" + manifests).Scenario!;

        var finding = Assert.Single(ScenarioLinter.Lint(new LintContext(scenario.Manifests, scenario)), d => d.Code == LintCodes.NoControllerForClass);
        Assert.Equal(Severity.Error, finding.Severity);
    }
}

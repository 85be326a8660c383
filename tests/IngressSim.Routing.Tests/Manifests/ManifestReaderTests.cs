using IngressSim.Kubernetes.Apps;
using IngressSim.Kubernetes.Core;
using IngressSim.Kubernetes.Diagnostics;
using IngressSim.Kubernetes.Gateway;
using IngressSim.Kubernetes.Manifests;
using IngressSim.Kubernetes.Networking;

namespace IngressSim.Routing.Tests.Manifests;

public class ManifestReaderTests
{
    private const string IngressAndService = """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: shop
          annotations:
            nginx.ingress.kubernetes.io/canary: "true"
          creationTimestamp: "2024-01-01T00:00:01Z"
        spec:
          ingressClassName: nginx
          tls:
          - hosts: [shop.example.com]
            secretName: shop-tls
          rules:
          - host: shop.example.com
            http:
              paths:
              - path: /cart
                pathType: Prefix
                backend:
                  service:
                    name: cart
                    port:
                      name: http
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: cart
          namespace: shop
        spec:
          clusterIP: None
          ports:
          - name: http
            port: 80
            targetPort: web
        """;

    [Fact]
    public void ReadText_MultiDocument_ReadsTypedObjectsWithDefaults()
    {
        var set = ManifestReader.ReadText(IngressAndService, "m.yaml");

        Assert.Empty(set.Diagnostics);
        var ingress = Assert.IsType<Ingress>(set.Objects[0]);
        Assert.Equal("default", ingress.Metadata.Namespace);
        Assert.Equal("nginx", ingress.Spec.IngressClassName);
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 1, TimeSpan.Zero), ingress.Metadata.CreationTimestamp);
        var path = ingress.Spec.Rules[0].Http!.Paths[0];
        Assert.Equal(PathType.Prefix, path.PathType);
        Assert.Equal("http", path.Backend!.Service!.Port.Name);
        Assert.Equal("shop-tls", ingress.Spec.Tls[0].SecretName);
        var service = Assert.IsType<Service>(set.Objects[1]);
        Assert.Equal("shop", service.Metadata.Namespace);
        Assert.True(service.Spec.IsHeadless);
        Assert.Equal("web", service.Spec.Ports[0].TargetPort!.Value.Text);
    }

    [Fact]
    public void ReadText_RecordsObjectAndFieldLocations_WithLineOffset()
    {
        var set = ManifestReader.ReadText(IngressAndService, "scenario.yaml", lineOffset: 10, columnOffset: 4);

        var ingress = set.Objects[0];
        Assert.Equal(new SourceLocation("scenario.yaml", 11, 5), ingress.Source.Start);
        Assert.Equal(new SourceLocation("scenario.yaml", 31, 23), ingress.Locate("spec.rules[0].http.paths[0].backend.service.name"));
        // A missing field is located at its nearest written ancestor.
        Assert.Equal(ingress.Locate("spec.rules[0].http.paths[0].backend.service"), ingress.Locate("spec.rules[0].http.paths[0].backend.service.nope"));
        Assert.Equal(35, set.Objects[1].Source.Start.Line);
    }

    [Fact]
    public void ReadText_KindList_ReadsItemsAtTheirOwnLines()
    {
        const string list = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: Secret
              metadata: {name: tls}
              type: kubernetes.io/tls
            - apiVersion: networking.k8s.io/v1
              kind: IngressClass
              metadata:
                name: nginx
                annotations: {ingressclass.kubernetes.io/is-default-class: "true"}
              spec: {controller: k8s.io/ingress-nginx}
            """;
        var set = ManifestReader.ReadText(list, "list.yaml");

        Assert.Empty(set.Diagnostics);
        Assert.Equal("kubernetes.io/tls", Assert.IsType<Secret>(set.Objects[0]).Type);
        var ingressClass = Assert.IsType<IngressClass>(set.Objects[1]);
        Assert.True(ingressClass.IsDefault);
        Assert.Equal(8, ingressClass.Source.Start.Line);
    }

    [Fact]
    public void ReadText_DeploymentHpaGatewayRoute_ReadTheModelledFields()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: 3
              selector: {matchLabels: {app: web}}
              strategy: {rollingUpdate: {maxSurge: 25%, maxUnavailable: 0}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  terminationGracePeriodSeconds: 45
                  containers:
                  - name: web
                    resources: {requests: {cpu: 250m}}
                    readinessProbe: {periodSeconds: 5, failureThreshold: 2}
            ---
            apiVersion: autoscaling/v2
            kind: HorizontalPodAutoscaler
            metadata: {name: web}
            spec:
              scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}
              minReplicas: 2
              maxReplicas: 10
              metrics:
              - type: Resource
                resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}
              behavior:
                scaleDown:
                  stabilizationWindowSeconds: 120
                  policies: [{type: Percent, value: 50, periodSeconds: 60}]
            ---
            apiVersion: gateway.networking.k8s.io/v1
            kind: HTTPRoute
            metadata: {name: r}
            spec:
              parentRefs: [{name: gw, sectionName: http}]
              rules:
              - matches: [{path: {type: Exact, value: /a}, method: GET}]
                backendRefs: [{name: web, port: 80, weight: 3}]
            """;
        var set = ManifestReader.ReadText(yaml, "x.yaml");

        Assert.Empty(set.Diagnostics);
        var deployment = Assert.IsType<Deployment>(set.Objects[0]);
        Assert.Equal(3, deployment.Spec.Replicas);
        Assert.True(deployment.Spec.Strategy.RollingUpdate!.MaxSurge!.Value.TryScale(10, roundUp: true, out int surge));
        Assert.Equal(3, surge);
        Assert.True(CpuQuantity.TryParseMillicores(deployment.Spec.Template.Spec.Containers[0].Resources.Requests["cpu"], out long cpu));
        Assert.Equal(250, cpu);
        Assert.Equal(5, deployment.Spec.Template.Spec.Containers[0].ReadinessProbe!.PeriodSeconds);
        Assert.True(deployment.Spec.Selector.Matches(new Dictionary<string, string> { ["app"] = "web" }));
        var hpa = Assert.IsType<IngressSim.Kubernetes.Autoscaling.HorizontalPodAutoscaler>(set.Objects[1]);
        Assert.Equal(60, hpa.Spec.Metrics[0].Resource!.Target.AverageUtilization);
        Assert.Equal(120, hpa.Spec.Behavior!.ScaleDown!.StabilizationWindowSeconds);
        var route = Assert.IsType<HttpRoute>(set.Objects[2]);
        Assert.Equal(3, route.Spec.Rules[0].BackendRefs[0].Weight);
        Assert.Equal("Exact", route.Spec.Rules[0].Matches[0].Path!.Type);
    }

    [Fact]
    public void ReadText_UnknownKindAndOldApiVersion_AreSkippedWithWarnings()
    {
        const string yaml = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: c}
            ---
            apiVersion: extensions/v1beta1
            kind: Ingress
            metadata: {name: old}
            """;
        var set = ManifestReader.ReadText(yaml, "x.yaml");

        Assert.Empty(set.Objects);
        Assert.All(set.Diagnostics, d => Assert.Equal(Severity.Warning, d.Severity));
        Assert.Equal([ManifestDiagnosticCodes.UnknownKind, ManifestDiagnosticCodes.UnknownKind], set.Diagnostics.Select(d => d.Code));
        Assert.Equal("use apiVersion: networking.k8s.io/v1", set.Diagnostics[1].Hint);
    }

    [Fact]
    public void ReadText_WrongType_IsLocatedAndOtherDocumentsStillRead()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              replicas: abc
            ---
            apiVersion: v1
            kind: Secret
            metadata: {name: s}
            """;
        var set = ManifestReader.ReadText(yaml, "x.yaml");

        var error = Assert.Single(set.Diagnostics);
        Assert.Equal(ManifestDiagnosticCodes.WrongType, error.Code);
        Assert.Equal(5, error.Location.Line);
        Assert.Equal(13, error.Location.Column);
        Assert.IsType<Secret>(Assert.Single(set.Objects));
    }

    [Fact]
    public void ReadText_SyntaxError_ReportsLineAndKeepsEarlierDocuments()
    {
        const string yaml = "apiVersion: v1\nkind: Secret\nmetadata: {name: s}\n---\nkind: [unclosed\n";
        var set = ManifestReader.ReadText(yaml, "x.yaml");

        var error = Assert.Single(set.Diagnostics);
        Assert.Equal(ManifestDiagnosticCodes.YamlSyntax, error.Code);
        Assert.True(error.Location.Line >= 5, error.ToString());
        Assert.Single(set.Objects);
    }

    [Theory]
    [InlineData("a: 1\nb: [1, 2\nc: 3\n", 2)]
    [InlineData("name: [a, b\nx: 1\n", 1)]
    public void ReadText_SyntaxErrorsTheScannerThrowsInvalidOperationFor_AreLocatedSyntaxErrors(string yaml, int line)
    {
        var error = Assert.Single(ManifestReader.ReadText(yaml, "x.yaml").Diagnostics);

        Assert.Equal(ManifestDiagnosticCodes.YamlSyntax, error.Code);
        Assert.Equal(("x.yaml", line), (error.Location.File, error.Location.Line));
        Assert.True(error.Location.Column > 0, error.ToString());
    }

    /// <summary>
    /// Kubernetes decodes a null like Go's encoding/json: a null field is left unset (its default), a null
    /// list item is the element's zero value. Required-field checks then apply as for an absent field.
    /// </summary>
    [Theory]
    [InlineData("apiVersion: v1\nkind: Secret\nmetadata: ~\n", "K8S009@3:11")]
    [InlineData("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: a}\nspec: ~\n", "K8S009@4:7")]
    [InlineData("apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: a}\nspec: {rules: [~]}\n", "")]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec: ~\n", "")]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec: {template: ~}\n", "")]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec: {template: {spec: ~}}\n", "")]
    [InlineData("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec: {template: {spec: {containers: [~]}}}\n", "")]
    [InlineData("apiVersion: gateway.networking.k8s.io/v1\nkind: Gateway\nmetadata: {name: a}\nspec: {gatewayClassName: c, listeners: [{name: l, protocol: HTTP, port: ~}]}\n", "K8S010@4:73")]
    public void ReadText_NullValues_AreUnsetFieldsAndZeroValueItems(string yaml, string expected)
    {
        var set = ManifestReader.ReadText(yaml, "x.yaml");

        Assert.Single(set.Objects);
        Assert.Equal(expected, string.Join(' ', set.Diagnostics.Select(d => $"{d.Code}@{d.Location.Line}:{d.Location.Column}")));
    }

    [Fact]
    public void ReadText_NullListItems_AreZeroValues()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              strategy: {type: ~}
              template:
                spec:
                  containers: [~, {name: b, readinessProbe: ~}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: a}
            spec:
              tls: [{hosts: [~]}]
              rules: [~]
            """;
        var set = ManifestReader.ReadText(yaml, "x.yaml");

        Assert.Empty(set.Diagnostics);
        var deployment = Assert.IsType<Deployment>(set.Objects[0]);
        Assert.Equal(["", "b"], deployment.Spec.Template.Spec.Containers.Select(c => c.Name));
        Assert.Null(deployment.Spec.Template.Spec.Containers[1].ReadinessProbe);
        Assert.Equal("RollingUpdate", deployment.Spec.Strategy.Type);
        var ingress = Assert.IsType<Ingress>(set.Objects[1]);
        Assert.Equal([""], ingress.Spec.Tls[0].Hosts);
        Assert.Equal(new IngressRule(), Assert.Single(ingress.Spec.Rules));
    }

    [Fact]
    public void ReadText_MissingRequiredFields_AreReportedAtTheField()
    {
        const string yaml = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata: {name: bad}
            spec:
              rules:
              - host: a
                http:
                  paths:
                  - path: /x
                    pathType: Prefix
                  - path: y
                    pathType: Exact
                    backend: {service: {name: s, port: {number: 70000}}}
            """;
        var set = ManifestReader.ReadText(yaml, "x.yaml");

        Assert.Equal(
            [(ManifestDiagnosticCodes.MissingField, 9), (ManifestDiagnosticCodes.InvalidValue, 11), (ManifestDiagnosticCodes.InvalidValue, 13)],
            set.Diagnostics.Select(d => (d.Code, d.Location.Line)));
    }

    [Fact]
    public void ReadText_PodLifecycleTiming_IsReadAndOutOfRangeValuesAreLocated()
    {
        const string yaml = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: shop}
            spec:
              template:
                spec:
                  terminationGracePeriodSeconds: 90000
                  containers:
                  - name: app
                    lifecycle: {preStop: {sleep: {seconds: 15}}}
                    readinessProbe: {periodSeconds: 0, failureThreshold: 2}
            """;
        var set = ManifestReader.ReadText(yaml, "x.yaml");

        var container = set.OfKind<Deployment>().Single().Spec.Template.Spec.Containers[0];
        Assert.Equal(15, container.Lifecycle!.PreStop!.Sleep!.Seconds);
        Assert.Equal(2, container.ReadinessProbe!.FailureThreshold);
        Assert.Equal(
            [(ManifestDiagnosticCodes.InvalidValue, 7), (ManifestDiagnosticCodes.InvalidValue, 11)],
            set.Diagnostics.Select(d => (d.Code, d.Location.Line)));
    }

    [Fact]
    public void ReadText_AliasBomb_IsRejectedBeforeDeserializing()
    {
        var yaml = new System.Text.StringBuilder("apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\n  labels:\n    a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 12; i++)
            yaml.Append($"    a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n");
        var set = ManifestReader.ReadText(yaml.ToString(), "bomb.yaml");

        Assert.Empty(set.Objects);
        Assert.Equal(ManifestDiagnosticCodes.AliasRejected, Assert.Single(set.Diagnostics).Code);
    }

    [Fact]
    public void ReadText_SmallAliases_AreExpanded()
    {
        const string yaml = """
            apiVersion: v1
            kind: Service
            metadata: {name: a, labels: &l {app: web}}
            spec: {selector: *l}
            """;
        var set = ManifestReader.ReadText(yaml, "x.yaml");

        Assert.Empty(set.Diagnostics);
        Assert.Equal("web", Assert.IsType<Service>(set.Objects[0]).Spec.Selector["app"]);
    }

    [Theory]
    [InlineData("a: &x [1, *x]", "cycle")]
    [InlineData("a: *nope", "no anchor")]
    public void ReadText_BadAliases_AreReported(string yaml, string expected)
    {
        var set = ManifestReader.ReadText(yaml, "x.yaml");

        Assert.Contains(expected, Assert.Single(set.Diagnostics).Message);
    }

    [Fact]
    public void ReadText_DeepNesting_IsRejected()
    {
        var set = ManifestReader.ReadText("a: " + new string('[', 500) + new string(']', 500), "x.yaml");

        Assert.Equal(ManifestDiagnosticCodes.NestingTooDeep, Assert.Single(set.Diagnostics).Code);
    }

    [Fact]
    public void ReadText_OverSizeLimit_IsRejected()
    {
        var set = ManifestReader.ReadText(new string('#', (int)ManifestReader.MaxFileBytes + 1), "big.yaml");

        Assert.Equal(ManifestDiagnosticCodes.FileTooLarge, Assert.Single(set.Diagnostics).Code);
    }

    [Fact]
    public void ReadFile_Missing_IsADiagnostic()
    {
        var set = ManifestReader.ReadFile("/nonexistent/x.yaml");

        Assert.Equal(ManifestDiagnosticCodes.FileUnreadable, Assert.Single(set.Diagnostics).Code);
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n---\n")]
    public void ReadText_EmptyDocuments_AreNothing(string yaml)
    {
        Assert.Equal(ManifestSet.Empty.Objects, ManifestReader.ReadText(yaml, "x.yaml").Objects);
        Assert.Empty(ManifestReader.ReadText(yaml, "x.yaml").Diagnostics);
    }

    [Theory]
    [InlineData("- a\n- b\n")]
    [InlineData("just a string\n")]
    [InlineData("metadata: {name: x}\n")]
    public void ReadText_DocumentsThatAreNotObjects_AreErrors(string yaml)
    {
        Assert.Equal(ManifestDiagnosticCodes.NotAnObject, Assert.Single(ManifestReader.ReadText(yaml, "x.yaml").Diagnostics).Code);
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;

namespace IngressSim.Cli.Kubernetes;

/// <summary>What the emitted Jobs run and where: the image, the shard count, the PVC the results go to, the CPUs per pod.</summary>
public sealed record SweepJobOptions(string SweepPath, string SweepName, IReadOnlyDictionary<string, string> Parameters, string Image, int Shards, string Pvc, int Cpus);

/// <summary>
/// The Kubernetes manifests of a sweep on a cluster: an Indexed Job (completions = parallelism = shards)
/// whose pod K runs <c>ingress-sim sweep --shard K/N</c> into its own folder on a shared PVC, and the Job
/// that merges those folders once all shards are complete. Written as text (every user value quoted as a
/// JSON string, which YAML reads as a double-quoted scalar), so the CLI needs no Kubernetes client.
/// </summary>
public static class SweepJobManifest
{
    /// <summary>Where the PVC is mounted in the pods.</summary>
    public const string MountPath = "/results";

    public const string ShardsSuffix = "-shards";
    public const string MergeSuffix = "-merge";

    /// <summary>A DNS-1123 label from the sweep's name, short enough for the suffixes and the pods' job-name label (63).</summary>
    public static string BaseName(string sweepName)
    {
        var name = new StringBuilder();
        foreach (char c in sweepName.ToLowerInvariant()) name.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        string label = name.ToString().Trim('-');
        if (label.Length == 0) label = "sweep";
        return label[..Math.Min(label.Length, 63 - ShardsSuffix.Length)].TrimEnd('-');
    }

    public static string ResultsFolder(SweepJobOptions options) => $"{MountPath}/{BaseName(options.SweepName)}";

    public static string ShardFolder(SweepJobOptions options, string index) => $"{ResultsFolder(options)}/shard-{index}";

    public static string MergedFolder(SweepJobOptions options) => $"{ResultsFolder(options)}/merged";

    public static string Shards(SweepJobOptions options)
    {
        string name = BaseName(options.SweepName);
        var args = new List<string> { "sweep", options.SweepPath };
        foreach (var (key, value) in options.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)) args.AddRange(["--param", $"{key}={value}"]);
        // $(VAR) in args is expanded by the kubelet from the container's env, declared below.
        args.AddRange(["--shard", $"$(JOB_COMPLETION_INDEX)/{options.Shards}", "--parallel", Number(options.Cpus),
            "--out", ShardFolder(options, "$(JOB_COMPLETION_INDEX)")]);
        return Job(options, name + ShardsSuffix, "sweep-shard", "sweep", args,
            comment: $"""
                # Sweep {name} as an Indexed Job: pod K (K = JOB_COMPLETION_INDEX, 0 to {options.Shards - 1}) runs shard K/{options.Shards}
                # into {ShardFolder(options, "K")} on PVC {options.Pvc}; a retried pod resumes its folder.
                # When it completes: kubectl wait --for=condition=complete --timeout=24h job/{name}{ShardsSuffix}
                # then apply the merge Job (ingress-sim sweep ... --emit-merge-job) to write {MergedFolder(options)}.
                """,
            jobSpec: $"""
                  completionMode: Indexed
                  completions: {options.Shards}
                  parallelism: {options.Shards}
                  backoffLimitPerIndex: 2
                """,
            env: """
                          env:
                            - name: JOB_COMPLETION_INDEX
                              valueFrom:
                                fieldRef:
                                  fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']"
                """);
    }

    public static string Merge(SweepJobOptions options)
    {
        string name = BaseName(options.SweepName);
        var args = new List<string> { "merge" };
        args.AddRange(Enumerable.Range(0, options.Shards).Select(k => ShardFolder(options, Number(k))));
        args.AddRange(["--out", MergedFolder(options)]);
        return Job(options with { Cpus = 1 }, name + MergeSuffix, "sweep-merge", "merge", args,
            comment: $"""
                # Merge the {options.Shards} shard folders of sweep {name} into {MergedFolder(options)}: the same bytes a single run writes.
                # Apply it once job/{name}{ShardsSuffix} is complete; it fails, naming the missing units, if a shard is not.
                """,
            jobSpec: "  backoffLimit: 1",
            env: null);
    }

    /// <summary>
    /// One Job of the sweep: labels, a pod that never restarts in place (the Job retries it), one container
    /// running <paramref name="args"/> with CPUs requested = limited = workers (a limit keeps the runtime's
    /// core count honest), the PVC mounted at <see cref="MountPath"/>.
    /// </summary>
    /// <param name="jobSpec">Lines of the Job's spec before its template, indented two spaces.</param>
    /// <param name="env">The container's env block, indented as a container field, or null.</param>
    private static string Job(SweepJobOptions options, string jobName, string component, string container, IReadOnlyList<string> args,
        string comment, string jobSpec, string? env)
    {
        string name = BaseName(options.SweepName);
        string cpus = Quote(Number(options.Cpus));
        var yaml = new StringBuilder();
        yaml.Append(comment).Append('\n');
        yaml.Append($$"""
            apiVersion: batch/v1
            kind: Job
            metadata:
              name: {{Quote(jobName)}}
              labels:
            {{Labels("    ", name, component)}}
            spec:
            {{jobSpec}}
              template:
                metadata:
                  labels:
            {{Labels("        ", name, component)}}
                spec:
                  restartPolicy: Never
                  # The image runs as uid 1654 (its 'app' user): make the volume writable for it.
                  securityContext:
                    fsGroup: 1654
                  containers:
                    - name: {{container}}
                      image: {{Quote(options.Image)}}
                      args: [{{string.Join(", ", args.Select(Quote))}}]

            """);
        if (env is not null) yaml.Append(env).Append('\n');
        yaml.Append($$"""
                      resources:
                        requests: {cpu: {{cpus}}, memory: "1Gi"}
                        limits: {cpu: {{cpus}}, memory: "2Gi"}
                      volumeMounts:
                        - {name: results, mountPath: {{Quote(MountPath)}}}
                  volumes:
                    - name: results
                      persistentVolumeClaim: {claimName: {{Quote(options.Pvc)}}}

            """);
        return yaml.ToString();
    }

    private static string Labels(string indent, string name, string component) =>
        $"{indent}app.kubernetes.io/name: ingress-sim\n{indent}app.kubernetes.io/component: {component}\n{indent}ingresssim.dev/sweep: {Quote(name)}";

    private static readonly JsonSerializerOptions Quoting = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Quote(string value) => JsonSerializer.Serialize(value, Quoting);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}

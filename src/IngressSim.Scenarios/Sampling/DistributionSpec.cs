using System.Text.Json.Serialization;
using IngressSim.Engine.Time;
using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Units;
using MathNet.Numerics;

namespace IngressSim.Scenarios.Sampling;

/// <summary>
/// A distribution of durations (service time, WebSocket lifetime, start-to-ready), written as one
/// choice: <c>{exponential: {mean: 20ms}}</c>, <c>{lognormal: {median: 20ms, p99: 200ms}}</c>,
/// <c>{deterministic: 5ms}</c>, <c>{empirical: [1ms, 2ms]}</c>, ... The model turns it into a
/// sampler (IngressSim.Distributions.Samplers) bound to one random stream.
/// </summary>
[OneOf]
public sealed record DistributionSpec
{
    public ExponentialSpec? Exponential { get; init; }
    public LogNormalSpec? Lognormal { get; init; }
    public GammaSpec? Gamma { get; init; }
    public WeibullSpec? Weibull { get; init; }
    public ParetoSpec? Pareto { get; init; }

    /// <summary>Always this value (the "D" of M/D/1).</summary>
    public Duration? Deterministic { get; init; }

    /// <summary>Measured samples (e.g. exported from tracing), resampled by their empirical CDF.</summary>
    public IReadOnlyList<Duration>? Empirical { get; init; }

    public static DistributionSpec Fixed(Duration value) => new() { Deterministic = value };

    /// <summary>The mean in seconds (infinite for a Pareto with shape ≤ 1): for lint and utilisation checks.</summary>
    public double MeanSeconds() => this switch
    {
        { Exponential: { } e } => e.MeanSeconds,
        { Lognormal: { } l } => Math.Exp(l.Mu + l.Sigma * l.Sigma / 2),
        { Gamma: { } g } => g.Mean.TotalSeconds,
        { Weibull: { } w } => w.Scale.TotalSeconds * SpecialFunctions.Gamma(1 + 1 / w.Shape),
        { Pareto: { } p } => p.Shape <= 1 ? double.PositiveInfinity : p.Shape * p.Scale.TotalSeconds / (p.Shape - 1),
        { Deterministic: { } d } => d.TotalSeconds,
        { Empirical: { Count: > 0 } samples } => samples.Average(s => s.TotalSeconds),
        _ => double.NaN,
    };
}

/// <summary>Exponential by its <c>mean</c> (a duration) or its <c>rate</c> (events per second, the μ of queueing theory).</summary>
public sealed record ExponentialSpec : IValidatable
{
    [Limits("1ns", "1d")] public Duration? Mean { get; init; }
    [Limits("0.00001/s", "1G/s")] public Rate? Rate { get; init; }

    /// <summary>The mean in seconds, from whichever form was written.</summary>
    [JsonIgnore] public double MeanSeconds => Mean?.TotalSeconds ?? 1 / Rate!.Value.PerSecond;

    public void Validate(ValidationContext context)
    {
        if ((Mean is null) == (Rate is null))
            context.Error("mean", "an exponential needs exactly one of mean or rate", "write e.g. {exponential: {mean: 20ms}} or {exponential: {rate: 50/s}}");
    }
}

/// <summary>Log-normal by <c>median</c> and <c>p99</c> (what dashboards show) or by <c>mu</c>/<c>sigma</c> of ln(seconds).</summary>
public sealed record LogNormalSpec : IValidatable
{
    /// <summary>z of the 99th percentile of the standard normal: ties p99 to the median.</summary>
    private const double Z99 = 2.3263478740408408;

    [Limits("1ns", "1d")] public Duration? Median { get; init; }
    [Limits("1ns", "1d")] public Duration? P99 { get; init; }
    [Limits("-30", "15")] public double? MuLog { get; init; }
    [Limits("0.000001", "10")] public double? SigmaLog { get; init; }

    /// <summary>μ of ln(seconds), from whichever form was written.</summary>
    [JsonIgnore] public double Mu => MuLog ?? Math.Log(Median!.Value.TotalSeconds);

    /// <summary>σ of ln(seconds), from whichever form was written.</summary>
    [JsonIgnore] public double Sigma => SigmaLog ?? Math.Log(P99!.Value.TotalSeconds / Median!.Value.TotalSeconds) / Z99;

    public void Validate(ValidationContext context)
    {
        bool byPercentiles = Median is not null && P99 is not null;
        bool byParameters = MuLog is not null && SigmaLog is not null;
        if (byPercentiles == byParameters || (byPercentiles && (MuLog ?? SigmaLog) is not null) || (byParameters && (Median ?? P99) is not null))
            context.Error("median", "a log-normal needs either median and p99, or muLog and sigmaLog",
                "write e.g. {lognormal: {median: 20ms, p99: 200ms}}");
        else if (byPercentiles && P99 <= Median)
            context.Error("p99", $"p99 ({P99}) must be above the median ({Median})", "a log-normal's p99 is above its median");
    }
}

/// <summary>Gamma with a shape k and a mean (rate = k / mean).</summary>
public sealed record GammaSpec
{
    [Limits("0.001", "1000")] public required double Shape { get; init; }
    [Limits("1ns", "1d")] public required Duration Mean { get; init; }
}

public sealed record WeibullSpec
{
    [Limits("0.01", "100")] public required double Shape { get; init; }
    [Limits("1ns", "1d")] public required Duration Scale { get; init; }
}

/// <summary>Pareto with minimum <c>scale</c> (x_m) and tail index <c>shape</c> (α): heavy tails.</summary>
public sealed record ParetoSpec
{
    [Limits("1ns", "1d")] public required Duration Scale { get; init; }
    [Limits("0.01", "100")] public required double Shape { get; init; }
}

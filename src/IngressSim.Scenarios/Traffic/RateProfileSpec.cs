using IngressSim.Engine.Time;
using IngressSim.Scenarios.Binding;
using IngressSim.Scenarios.Units;

namespace IngressSim.Scenarios.Traffic;

/// <summary>
/// How an event rate (requests, deploys) varies over simulated time, written as one choice:
/// <c>{constant: 200/s}</c>, <c>{steps: [...]}</c>, <c>{ramp: {...}}</c>, <c>{diurnal: {...}}</c>,
/// <c>{bursts: {...}}</c> or <c>{csv: {...}}</c>. Times are offsets from the start of the simulation.
/// </summary>
[OneOf]
public sealed record RateProfileSpec
{
    public Rate? Constant { get; init; }
    public IReadOnlyList<RateStepSpec>? Steps { get; init; }
    public RampSpec? Ramp { get; init; }
    public DiurnalSpec? Diurnal { get; init; }
    public BurstsSpec? Bursts { get; init; }
    public CsvRateSpec? Csv { get; init; }

    public static RateProfileSpec Of(Rate rate) => new() { Constant = rate };
}

/// <summary>From <c>at</c> on, the rate is <c>rate</c> (until the next step). Before the first step the rate is 0.</summary>
public sealed record RateStepSpec
{
    public required Duration At { get; init; }
    public required Rate Rate { get; init; }
}

/// <summary>Linear change from <c>from</c> at <c>start</c> to <c>to</c> at <c>end</c>; constant before and after.</summary>
public sealed record RampSpec : IValidatable
{
    public required Rate From { get; init; }
    public required Rate To { get; init; }
    public Duration Start { get; init; } = Duration.Zero;
    public required Duration End { get; init; }

    public void Validate(ValidationContext context)
    {
        if (End <= Start) context.Error("end", $"the ramp ends ({End}) before it starts ({Start})", "make end later than start");
    }
}

/// <summary>A daily curve: mean × (1 + amplitude × cos(2π (t − peakAt) / period)).</summary>
public sealed record DiurnalSpec
{
    public required Rate Mean { get; init; }

    /// <summary>Swing around the mean; 100 % makes the trough zero.</summary>
    public Percentage Amplitude { get; init; } = Percentage.FromPercent(50);

    [Limits("1s", "400d")] public Duration Period { get; init; } = Duration.FromHours(24);

    /// <summary>Offset of the peak within the period (14:00 when the simulation starts at midnight).</summary>
    public Duration PeakAt { get; init; } = Duration.FromHours(14);
}

/// <summary>A base rate with bursts to <c>peak</c> lasting <c>length</c>, every <c>every</c>, the first at <c>start</c>.</summary>
public sealed record BurstsSpec : IValidatable
{
    public required Rate Base { get; init; }
    public required Rate Peak { get; init; }
    [Limits("1ms", "400d")] public required Duration Every { get; init; }
    [Limits("1ms", "400d")] public required Duration Length { get; init; }
    public Duration Start { get; init; } = Duration.Zero;

    public void Validate(ValidationContext context)
    {
        if (Length >= Every) context.Error("length", $"a burst of {Length} every {Every} never ends", "make length shorter than every");
    }
}

/// <summary>
/// A rate series from a CSV file (e.g. a Prometheus export), path relative to the scenario file.
/// The first column is the time: a duration offset (<c>90s</c>) or seconds (unix timestamps are
/// made relative to the first row); the rate column holds a rate (<c>120/s</c>) or a number per second.
/// The rate is held constant between rows.
/// </summary>
public sealed record CsvRateSpec
{
    public required string File { get; init; }

    /// <summary>Header of the rate column; default: the second column.</summary>
    public string? Column { get; init; }

    /// <summary>Multiplies every rate: replay yesterday's traffic at 150 % without editing the file.</summary>
    [Limits("0%", "100000%")] public Percentage Scale { get; init; } = Percentage.FromPercent(100);
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using IngressSim.Engine.Randomness;
using IngressSim.Engine.Time;
using IngressSim.Model.Clients;
using IngressSim.Scenarios.Traffic;
using IngressSim.Scenarios.Units;

namespace IngressSim.Model.Tests.Clients;

public class ArrivalProcessTests
{
    private static readonly IReadOnlyDictionary<string, RateSeries> NoSeries = new Dictionary<string, RateSeries>();

    private static long[] CountPerWindow(ArrivalProcess process, Duration window, int windows, ulong seed = 1)
    {
        var random = new RandomStream(seed, "arrivals");
        var counts = new long[windows];
        var t = Instant.Zero;
        while (process.Next(t, random) is { } next)
        {
            Assert.True(next > t);
            int w = (int)(next.Nanoseconds / window.Nanoseconds);
            if (w >= windows) break;
            counts[w]++;
            t = next;
        }
        return counts;
    }

    /// <summary>Pearson chi-square of Poisson counts against their expected means (variance = mean).</summary>
    private static double ChiSquare(long[] counts, double[] expected)
    {
        double chi = 0;
        for (int i = 0; i < counts.Length; i++) chi += (counts[i] - expected[i]) * (counts[i] - expected[i]) / expected[i];
        return chi;
    }

    /// <summary>
    /// Upper 0.1 % point of chi-square with one degree of freedom per window (the means are known, not
    /// fitted), by Wilson–Hilferty. A correct process fails one seed in a thousand; a 2 % rate error
    /// shifts χ² by hundreds at these counts.
    /// </summary>
    private static double Critical(int windows)
    {
        double a = 2.0 / (9 * windows);
        return windows * Math.Pow(1 - a + 3.0902 * Math.Sqrt(a), 3);
    }

    private static ArrivalProcess Process(RateProfileSpec spec, Duration horizon) =>
        ArrivalProcess.From(spec, NoSeries, Instant.At(horizon));

    [Fact]
    public void Next_ConstantRate_CountsPerWindowMatchPoisson()
    {
        var counts = CountPerWindow(Process(RateProfileSpec.Of(new Rate(1000)), Duration.FromSeconds(100)), Duration.FromSeconds(1), 100);
        Assert.InRange(ChiSquare(counts, Enumerable.Repeat(1000.0, 100).ToArray()), 0, Critical(100));
        Assert.InRange(counts.Sum(), 100_000 - 4 * 316, 100_000 + 4 * 316);
    }

    [Fact]
    public void Next_ArrivalsStandingForVisits_ComeAtTheRateDividedByRequestsPerVisit()
    {
        var process = ArrivalProcess.From(RateProfileSpec.Of(new Rate(1000)), NoSeries, Instant.At(Duration.FromSeconds(100)), eventsPerArrival: 4);
        var counts = CountPerWindow(process, Duration.FromSeconds(1), 100);
        Assert.InRange(ChiSquare(counts, Enumerable.Repeat(250.0, 100).ToArray()), 0, Critical(100));
    }

    [Fact]
    public void Constructor_LessThanOneEventPerArrival_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ArrivalProcess.From(RateProfileSpec.Of(new Rate(1)), NoSeries, Instant.At(Duration.FromSeconds(1)), eventsPerArrival: 0.5));

    [Fact]
    public void Next_Steps_ZeroBeforeFirstStepAndEachStepAtItsRate()
    {
        var spec = new RateProfileSpec
        {
            Steps =
            [
                new RateStepSpec { At = Duration.FromSeconds(20), Rate = new Rate(2000) },
                new RateStepSpec { At = Duration.FromSeconds(10), Rate = new Rate(500) },
                new RateStepSpec { At = Duration.FromSeconds(30), Rate = new Rate(0) },
            ],
        };
        var counts = CountPerWindow(Process(spec, Duration.FromSeconds(40)), Duration.FromSeconds(10), 4);
        Assert.Equal(0, counts[0]);
        Assert.InRange(counts[1], 5000 - 4 * 71, 5000 + 4 * 71);
        Assert.InRange(counts[2], 20000 - 4 * 142, 20000 + 4 * 142);
        Assert.Equal(0, counts[3]);
    }

    [Fact]
    public void Next_Ramp_CountsFollowTheLinearIntegral()
    {
        var spec = new RateProfileSpec { Ramp = new RampSpec { From = new Rate(0), To = new Rate(4000), Start = Duration.FromSeconds(2), End = Duration.FromSeconds(50) } };
        var counts = CountPerWindow(Process(spec, Duration.FromSeconds(54)), Duration.FromSeconds(1), 54);
        // Rate is 0 until 2 s, then rises 4000/48 per second: window [s, s+1) expects the rate at its middle.
        var expected = Enumerable.Range(0, 54).Select(s => s < 2 ? 0 : s >= 50 ? 4000 : 4000.0 / 48 * (s - 2 + 0.5)).ToArray();
        Assert.Equal(0, counts[0] + counts[1]);
        Assert.InRange(ChiSquare(counts[2..49], expected[2..49]), 0, Critical(47));
        Assert.InRange(counts[50..].Sum(), 16000 - 4 * 127, 16000 + 4 * 127);
    }

    [Fact]
    public void Next_Diurnal_CountsFollowTheCosineIntegral()
    {
        // Amplitude 100 %: the trough is zero, the hardest case for the envelope.
        var spec = new RateProfileSpec
        {
            Diurnal = new DiurnalSpec { Mean = new Rate(2000), Amplitude = Percentage.FromPercent(100), Period = Duration.FromSeconds(48), PeakAt = Duration.FromSeconds(5) },
        };
        var counts = CountPerWindow(Process(spec, Duration.FromSeconds(96)), Duration.FromSeconds(2), 48);
        double Integral(double t) => 2000 * (t + 48 / (2 * Math.PI) * Math.Sin(2 * Math.PI * (t - 5) / 48));
        var expected = Enumerable.Range(0, 48).Select(w => Integral(2 * w + 2) - Integral(2 * w)).ToArray();
        Assert.All(expected, e => Assert.True(e > 5));
        Assert.InRange(ChiSquare(counts, expected), 0, Critical(48));
    }

    [Fact]
    public void Next_Bursts_PeakInsideBurstsBaseOutside()
    {
        var spec = new RateProfileSpec
        {
            Bursts = new BurstsSpec { Base = new Rate(100), Peak = new Rate(5000), Every = Duration.FromSeconds(10), Length = Duration.FromSeconds(2), Start = Duration.FromSeconds(5) },
        };
        var counts = CountPerWindow(Process(spec, Duration.FromSeconds(45)), Duration.FromSeconds(1), 45);
        var expected = Enumerable.Range(0, 45).Select(s => s >= 5 && (s - 5) % 10 < 2 ? 5000.0 : 100.0).ToArray();
        Assert.InRange(ChiSquare(counts, expected), 0, Critical(45));
    }

    [Fact]
    public void Next_CsvSeries_HoldsEachRowThenTheLastAndAppliesScale()
    {
        var series = new RateSeries([new(Duration.Zero, new Rate(1000)), new(Duration.FromSeconds(5), new Rate(3000))]);
        var spec = new RateProfileSpec { Csv = new CsvRateSpec { File = "rates.csv", Scale = Percentage.FromPercent(50) } };
        var process = ArrivalProcess.From(spec, new Dictionary<string, RateSeries> { ["rates.csv"] = series }, Instant.FromSeconds(10));
        var counts = CountPerWindow(process, Duration.FromSeconds(5), 2);
        Assert.InRange(counts[0], 2500 - 4 * 50, 2500 + 4 * 50);
        Assert.InRange(counts[1], 7500 - 4 * 87, 7500 + 4 * 87);
    }

    [Fact]
    public void SetScale_DoublesTheRateFromTheChange()
    {
        var process = Process(RateProfileSpec.Of(new Rate(1000)), Duration.FromSeconds(20));
        var random = new RandomStream(3, "arrivals");
        long before = 0, after = 0;
        var t = Instant.Zero;
        while (process.Next(t, random) is { } next)
        {
            if (t < Instant.FromSeconds(10) && next >= Instant.FromSeconds(10))
            {
                // The pending arrival is redrawn from the change instant.
                t = Instant.FromSeconds(10);
                process.SetScale(2);
                continue;
            }
            if (next < Instant.FromSeconds(10)) before++; else after++;
            t = next;
        }
        Assert.InRange(before, 10000 - 4 * 100, 10000 + 4 * 100);
        Assert.InRange(after, 20000 - 4 * 141, 20000 + 4 * 141);
    }

    [Fact]
    public void SetScale_Zero_NoArrivals()
    {
        var process = Process(RateProfileSpec.Of(new Rate(1000)), Duration.FromSeconds(20));
        process.SetScale(0);
        Assert.Null(process.Next(Instant.Zero, new RandomStream(1, "a")));
    }

    [Fact]
    public void ChangeProfile_UsesTheNewProfileAtAbsoluteTimes()
    {
        var process = Process(RateProfileSpec.Of(new Rate(0)), Duration.FromSeconds(20));
        Assert.Null(process.Next(Instant.Zero, new RandomStream(1, "a")));
        process.ChangeProfile(PiecewiseConstantRate.FromSteps([new RateStepSpec { At = Duration.FromSeconds(15), Rate = new Rate(100) }]));
        var first = process.Next(Instant.FromSeconds(1), new RandomStream(1, "a"));
        Assert.NotNull(first);
        Assert.True(first >= Instant.FromSeconds(15));
    }

    [Fact]
    public void Next_NothingAtOrAfterTheHorizon()
    {
        var process = Process(RateProfileSpec.Of(new Rate(1000)), Duration.FromSeconds(1));
        var random = new RandomStream(1, "a");
        var t = Instant.Zero;
        int n = 0;
        while (process.Next(t, random) is { } next) { Assert.True(next < process.Horizon); t = next; n++; }
        Assert.InRange(n, 850, 1150);
    }

    [Fact]
    public void Next_SameSeed_SameSequence()
    {
        var spec = new RateProfileSpec { Diurnal = new DiurnalSpec { Mean = new Rate(300), Period = Duration.FromSeconds(10) } };
        Assert.Equal(Sequence(spec, 7), Sequence(spec, 7));
        Assert.NotEqual(Sequence(spec, 7), Sequence(spec, 8));

        static List<long> Sequence(RateProfileSpec spec, ulong seed)
        {
            var process = ArrivalProcess.From(spec, NoSeries, Instant.FromSeconds(10));
            var random = new RandomStream(seed, "a");
            var list = new List<long>();
            var t = Instant.Zero;
            while (process.Next(t, random) is { } next) { list.Add(next.Nanoseconds); t = next; }
            return list;
        }
    }

    [Property(MaxTest = 200)]
    public Property Next_AlwaysStrictlyAfterNowAndBeforeHorizon(PositiveInt seed, PositiveInt startMs, PositiveInt meanRate)
    {
        var spec = new RateProfileSpec
        {
            Bursts = new BurstsSpec { Base = new Rate(meanRate.Get % 50), Peak = new Rate(meanRate.Get % 5000 + 1), Every = Duration.FromMilliseconds(700), Length = Duration.FromMilliseconds(90) },
        };
        var process = ArrivalProcess.From(spec, NoSeries, Instant.FromSeconds(30));
        var random = new RandomStream((ulong)seed.Get, "a");
        var t = Instant.At(Duration.FromMilliseconds(startMs.Get % 30_000));
        for (int i = 0; i < 50; i++)
        {
            if (process.Next(t, random) is not { } next) return true.ToProperty();
            if (!(next > t && next < process.Horizon)) return false.ToProperty();
            t = next;
        }
        return true.ToProperty();
    }

    [Property(MaxTest = 300)]
    public bool PieceAt_BoundsTheRateAndEndsLater(PositiveInt seconds, NonNegativeInt ns)
    {
        RateProfile[] profiles =
        [
            new RampRate(new RampSpec { From = new Rate(900), To = new Rate(10), Start = Duration.FromSeconds(3), End = Duration.FromSeconds(77) }),
            new DiurnalRate(new DiurnalSpec { Mean = new Rate(50), Amplitude = Percentage.FromPercent(130), Period = Duration.FromSeconds(97), PeakAt = Duration.FromSeconds(11) }),
        ];
        long t = seconds.Get % 200 * Duration.NanosPerSecond + ns.Get;
        foreach (var profile in profiles)
        {
            var piece = profile.PieceAt(t);
            if (!(piece.End > t)) return false;
            // The rate anywhere on the piece stays under its bound.
            foreach (long u in new[] { t, piece.End - 1, t + (piece.End - t) / 2 })
                if (profile.PerSecondAt(u) > piece.Bound * (1 + 1e-12)) return false;
        }
        return true;
    }
}

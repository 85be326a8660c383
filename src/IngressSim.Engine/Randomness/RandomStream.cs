namespace IngressSim.Engine.Randomness;

/// <summary>
/// One entity's independent random stream: xoshiro256** (Blackman &amp; Vigna) seeded through SplitMix64
/// from (scenario seed, stream key). It derives from <see cref="Random"/> so MathNet.Numerics
/// distributions can sample from it directly; every override draws from this generator only, so the
/// sequence is fixed by the seed on every platform and .NET version.
/// </summary>
public sealed class RandomStream : Random
{
    private ulong _s0, _s1, _s2, _s3;

    public string Key { get; }

    public RandomStream(ulong scenarioSeed, string key) : base(0)
    {
        Key = key;
        ulong state = StreamSeed.Derive(scenarioSeed, key);
        _s0 = StreamSeed.SplitMix64(ref state);
        _s1 = StreamSeed.SplitMix64(ref state);
        _s2 = StreamSeed.SplitMix64(ref state);
        _s3 = StreamSeed.SplitMix64(ref state);
    }

    /// <summary>Next raw 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    public override double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform on (0, 1]: safe for <c>-log(u)</c>.</summary>
    public double NextOpenDouble() => ((NextUInt64() >> 11) + 1) * (1.0 / (1UL << 53));

    protected override double Sample() => NextDouble();

    public override int Next() => (int)(NextUInt64() >> 33);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)NextBounded((ulong)maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)((long)minValue + (long)NextBounded((ulong)((long)maxValue - minValue)));
    }

    public override long NextInt64() => (long)(NextUInt64() >> 1);

    public override long NextInt64(long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (long)NextBounded((ulong)maxValue);
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (long)NextBounded((ulong)(maxValue - minValue));
    }

    public override float NextSingle() => (NextUInt64() >> 40) * (1.0f / (1U << 24));

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (int i = 0; i < buffer.Length; i++) buffer[i] = (byte)(NextUInt64() >> 56);
    }

    /// <summary>Uniform integer in [0, bound) without modulo bias (Lemire's multiply-shift with rejection).</summary>
    public ulong NextBounded(ulong bound)
    {
        if (bound == 0) return 0;
        ulong x = NextUInt64();
        UInt128 m = (UInt128)x * bound;
        ulong low = (ulong)m;
        if (low < bound)
        {
            ulong threshold = (0 - bound) % bound;
            while (low < threshold)
            {
                x = NextUInt64();
                m = (UInt128)x * bound;
                low = (ulong)m;
            }
        }
        return (ulong)(m >> 64);
    }

    /// <summary>True with probability <paramref name="p"/>.</summary>
    public bool NextBernoulli(double p) => NextDouble() < p;

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}

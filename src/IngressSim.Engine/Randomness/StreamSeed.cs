using System.Text;

namespace IngressSim.Engine.Randomness;

/// <summary>
/// Derives the seed of one entity's random stream from (scenario seed, stable key). The key is hashed
/// with 64-bit FNV-1a over its UTF-8 bytes, never <c>string.GetHashCode</c> (randomised per process),
/// and mixed with the seed through SplitMix64, so a stream's numbers depend only on its own name:
/// adding a component never shifts another component's numbers (common random numbers).
/// </summary>
public static class StreamSeed
{
    public static ulong Derive(ulong scenarioSeed, string key)
    {
        const ulong fnvOffset = 14695981039346656037UL, fnvPrime = 1099511628211UL;
        ulong h = fnvOffset;
        Span<byte> buffer = stackalloc byte[256];
        int max = Encoding.UTF8.GetMaxByteCount(key.Length);
        byte[]? rented = max > buffer.Length ? new byte[max] : null;
        Span<byte> bytes = rented ?? buffer;
        int n = Encoding.UTF8.GetBytes(key, bytes);
        for (int i = 0; i < n; i++) { h ^= bytes[i]; h *= fnvPrime; }
        ulong state = scenarioSeed ^ Mix(h);
        return SplitMix64(ref state);
    }

    /// <summary>SplitMix64 step (Steele, Lea, Flood 2014): the recommended seeder for xoshiro generators.</summary>
    public static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong Mix(ulong x)
    {
        ulong s = x;
        return SplitMix64(ref s);
    }
}

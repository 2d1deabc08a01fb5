namespace Beacon.Scheduler.Memory;

/// <summary>
/// A stable pseudo-random number per (learner, question, repetition): FNV-1a over the ids, then a
/// SplitMix64 finaliser. Unlike <see cref="string.GetHashCode()"/> it is the same on every process,
/// machine and .NET version, so a fuzzed interval never changes when recomputed.
/// </summary>
public static class FuzzSeed
{
    private const ulong FnvOffset = 14695981039346656037;
    private const ulong FnvPrime = 1099511628211;

    /// <summary>A 64-bit hash of the strings (each followed by a separator) and a number.</summary>
    public static ulong Hash(string? a, string? b, string? c, long n)
    {
        var h = FnvOffset;
        h = Add(h, a);
        h = Add(h, b);
        h = Add(h, c);
        h ^= unchecked((ulong)n);
        h *= FnvPrime;
        return Mix(h);
    }

    /// <summary>A number in [0, 1).</summary>
    public static double Unit(string? a, string? b, string? c, long n) => (Hash(a, b, c, n) >> 11) * (1.0 / (1UL << 53));

    /// <summary>SplitMix64 finaliser: spreads every input bit over the output.</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            return z ^ (z >> 31);
        }
    }

    private static ulong Add(ulong h, string? s)
    {
        unchecked
        {
            foreach (var ch in s ?? string.Empty)
            {
                h ^= ch;
                h *= FnvPrime;
            }

            h ^= 0xFFFF; // separator, so ("ab", "c") and ("a", "bc") differ
            h *= FnvPrime;
            return h;
        }
    }
}

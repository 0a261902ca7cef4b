namespace StrassenRepro.Crystallization;

/// <summary>SplitMix64 (Steele, Lea, Flood 2014): the one bit source of every deterministic stream in the project.</summary>
public static class SplitMix64
{
    public static ulong Next(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>
    /// Uniform in (0, 1] from 53 bits: never 0, so log is safe; the largest value rounds to exactly 1
    /// (2^53 - 1/2 is not a double), kept so that every stored stream stays the same.
    /// </summary>
    public static double Uniform(ulong bits) => ((bits >> 11) + 0.5) * (1.0 / (1UL << 53));
}

namespace StrassenRepro.Model;

/// <summary>
/// Keys of the counter-based random streams: every random number of a run is a function of (seed, stream, counter)
/// only, so a run draws the same data whichever population it is trained in and whichever thread fills it.
/// </summary>
public static class StreamKey
{
    public const ulong Init = 1;
    public const ulong TrainBatch = 2;
    public const ulong TrainSet = 3;
    public const ulong Shuffle = 4;
    public const ulong TestSet = 5;
    public const ulong KappaProbe = 6;
    public const ulong PruneBatch = 7;

    /// <summary>SplitMix64's finalizer: a bijective 64-bit mix.</summary>
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Of(long seed, ulong stream, long counter) =>
        Mix(Mix(Mix((ulong)seed) ^ stream) ^ (ulong)counter);
}

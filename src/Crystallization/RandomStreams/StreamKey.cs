using System.Diagnostics.CodeAnalysis;

namespace StrassenRepro.Crystallization.RandomStreams;

/// <summary>
/// Keys of the counter-based random streams: every random number of a run is a function of (seed, stream, counter)
/// only, so a run draws the same data whichever population it is trained in and whichever thread fills it.
/// </summary>
// Called inside the gpu engine's kernels: ILGPU cannot compile coverlet's hit counters into PTX, so coverage must not
// instrument this class (its tests pin every value it gives: tests/Unit/RandomStreams, tests/Unit/Mutation/Core).
[ExcludeFromCodeCoverage(Justification = "called inside ILGPU kernels")]
public static class StreamKey
{
    public const ulong Init = 1;
    public const ulong TrainBatch = 2;
    public const ulong TrainSet = 3;
    public const ulong Shuffle = 4;
    public const ulong TestSet = 5;
    public const ulong KappaProbe = 6;
    public const ulong PruneBatch = 7;

    public static ulong Of(long seed, ulong stream, long counter) =>
        SplitMix64.Mix(SplitMix64.Mix(SplitMix64.Mix((ulong)seed) ^ stream) ^ (ulong)counter);
}

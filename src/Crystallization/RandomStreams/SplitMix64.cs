using System.Diagnostics.CodeAnalysis;

namespace StrassenRepro.Crystallization.RandomStreams;

/// <summary>SplitMix64 (Steele, Lea, Flood 2014): the one bit source of every deterministic stream in the project.</summary>
// Called inside the gpu engine's kernels: ILGPU cannot compile coverlet's hit counters into PTX, so coverage must not
// instrument this class (its tests pin every value it gives: tests/Unit/RandomStreams, tests/Unit/Mutation/Core).
[ExcludeFromCodeCoverage(Justification = "called inside ILGPU kernels")]
public static class SplitMix64
{
    /// <summary>The golden-ratio increment of the counter.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>Advances the counter and returns its mix: the n-th output is Mix(start + (n - 1) Gamma).</summary>
    public static ulong Next(ref ulong state) => Finalize(state += Gamma);

    /// <summary>The output for a counter value that has already been advanced: a bijective 64-bit mix.</summary>
    public static ulong Finalize(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>One step from z: Finalize(z + Gamma) (what Next returns from state z); used to derive keys.</summary>
    public static ulong Mix(ulong z) => Finalize(z + Gamma);

    /// <summary>
    /// Uniform in (0, 1] from 53 bits: never 0, so log is safe; the largest value rounds to exactly 1
    /// (2^53 - 1/2 is not a double), kept so that every stored stream stays the same.
    /// </summary>
    public static double Uniform(ulong bits) => ((bits >> 11) + 0.5) * (1.0 / (1UL << 53));
}

using ILGPU;

namespace StrassenRepro.Model.Gpu;

/// <summary>
/// The training data's random numbers inside a kernel: the same keys (StreamKey.Of), the same SplitMix64 bits and the
/// same 25-bit ziggurat as NormalStream.NextNormalPair, so a run on the gpu engine draws the numbers it draws on the
/// cpu engine. Only plain arithmetic: System.Math's exp and log would need CUDA's libdevice on the GPU, so the rare
/// slow path uses DeviceMath's own; they can differ from Math.Exp / Math.Log in the last bit, which changes a draw
/// only when an acceptance test falls within 1e-16 of its bound.
/// </summary>
internal static class DeviceNormals
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private const double TailStart = 3.442619855899;

    /// <summary>SplitMix64's finalizer, as StreamKey.Mix.</summary>
    public static ulong Mix(ulong z)
    {
        z += Gamma;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>StreamKey.Of.</summary>
    public static ulong Key(long seed, ulong stream, long counter) => Mix(Mix(Mix((ulong)seed) ^ stream) ^ (ulong)counter);

    /// <summary>SplitMix64.Next: advance the state, return the mixed value.</summary>
    public static ulong Next(ref ulong state)
    {
        state += Gamma;
        ulong z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>SplitMix64.Uniform: (0, 1] from the top 53 bits.</summary>
    public static double Uniform(ulong bits) => ((bits >> 11) + 0.5) * (1.0 / (1UL << 53));

    /// <summary>NormalStream.Normal24: one float32 normal from 32 bits (7-bit layer, signed 25-bit abscissa).</summary>
    public static float Normal24(uint bits, ref ulong state, in ZigguratTables t)
    {
        int iz = (int)(bits & 127);
        int j = (int)bits >> 7;
        if ((j < 0 ? -j : j) < t.K24[iz]) return (float)(j * t.W24[iz]);
        return (float)Slow(j, iz, ref state, t);
    }

    private static double Slow(int j, int iz, ref ulong state, in ZigguratTables t)
    {
        while (true)
        {
            double x = j * t.W24[iz];
            if (iz == 0)
            {
                double xt, y;
                do
                {
                    xt = -DeviceMath.Log(Uniform(Next(ref state))) / TailStart;
                    y = -DeviceMath.Log(Uniform(Next(ref state)));
                } while (y + y < xt * xt);
                return j > 0 ? TailStart + xt : -TailStart - xt;
            }
            if (t.F[iz] + Uniform(Next(ref state)) * (t.F[iz - 1] - t.F[iz]) < DeviceMath.Exp(-0.5 * x * x)) return x;
            uint bits = (uint)Next(ref state);
            iz = (int)(bits & 127);
            j = (int)bits >> 7;
            if ((j < 0 ? -j : j) < t.K24[iz]) return j * t.W24[iz];
        }
    }
}

/// <summary>NormalStream's ziggurat tables on the device: K24 (as int: every entry is below 2^24), W24 and F.</summary>
internal readonly struct ZigguratTables(ArrayView<int> k24, ArrayView<double> w24, ArrayView<double> f)
{
    public readonly ArrayView<int> K24 = k24;
    public readonly ArrayView<double> W24 = w24;
    public readonly ArrayView<double> F = f;
}

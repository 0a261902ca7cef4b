using ILGPU;
using StrassenRepro.Crystallization.RandomStreams;

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
    private const double TailStart = 3.442619855899;

    // The bits are SplitMix64's and the keys StreamKey's own code: ILGPU compiles them into the kernels as they are.
    public static ulong Key(long seed, ulong stream, long counter) => StreamKey.Of(seed, stream, counter);

    public static ulong Next(ref ulong state) => SplitMix64.Next(ref state);

    public static double Uniform(ulong bits) => SplitMix64.Uniform(bits);

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

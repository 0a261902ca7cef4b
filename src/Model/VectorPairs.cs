using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Model;

/// <summary>
/// Pairs.Draw with the eight normals of a row drawn at once: the row's four SplitMix64 draws as one 256-bit vector
/// (SplitMix64 is a counter, so draw k is Mix(key + k gamma)), its eight 32-bit halves through the ziggurat's fast path
/// in SIMD (table gathers, the int-to-double multiply, the rounding to float: the scalar code's operations). A row
/// where any half misses the fast path (about 9% of rows) is drawn by NormalStream itself from the same counter, so
/// the stream is NormalStream's bit for bit, slow paths and all.
/// </summary>
public static unsafe class VectorPairs
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>
    /// Pairs.SetProduct on a row: t = (a0 b0 + a1 b2, a0 b1 + a1 b3, a2 b0 + a3 b2, a2 b1 + a3 b3) in double, rounded once.
    /// The float products are exact in double, so each sum is the scalar code's single rounding.
    /// </summary>
    private static void Product(float* row)
    {
        var a = Avx.ConvertToVector256Double(Sse.LoadVector128(row));
        var b = Avx.ConvertToVector256Double(Sse.LoadVector128(row + 4));
        var first = Avx2.Permute4x64(a, 0b10_10_00_00) * Avx2.Permute4x64(b, 0b01_00_01_00);   // (a0, a0, a2, a2) (b0, b1, b0, b1)
        var second = Avx2.Permute4x64(a, 0b11_11_01_01) * Avx2.Permute4x64(b, 0b11_10_11_10);  // (a1, a1, a3, a3) (b2, b3, b2, b3)
        Avx.ConvertToVector128Single(first + second).Store(row + 8);
    }

    public static void Draw(Span<float> dest, ulong key)
    {
        if (!IsSupported) throw new PlatformNotSupportedException("VectorPairs needs AVX2");
        ulong state = key;
        var offsets = Vector256.Create(Gamma, unchecked(2 * Gamma), unchecked(3 * Gamma), unchecked(4 * Gamma));
        var c1 = Vector256.Create(0xBF58476D1CE4E5B9UL);
        var c2 = Vector256.Create(0x94D049BB133111EBUL);
        var layers = Vector256.Create(127);
        fixed (float* d = dest)
        fixed (int* k24 = NormalStream.Ziggurat.K24Int)
        fixed (double* w24 = NormalStream.Ziggurat.W24)
        {
            for (int row = 0; row + Pairs.Width <= dest.Length; row += Pairs.Width)
            {
                var z = Vector256.Create(state) + offsets;
                z = (z ^ Vector256.ShiftRightLogical(z, 30)) * c1;
                z = (z ^ Vector256.ShiftRightLogical(z, 27)) * c2;
                z ^= Vector256.ShiftRightLogical(z, 31);
                // Lanes in row order: low then high half of each draw, as NextNormalPair hands them out.
                var bits = z.AsInt32();
                var iz = bits & layers;
                var j = Vector256.ShiftRightArithmetic(bits, 7);
                var fast = Vector256.LessThan(Vector256.Abs(j), Avx2.GatherVector256(k24, iz, 4));
                if (fast.ExtractMostSignificantBits() == 0xFF)
                {
                    var low = Avx.ConvertToVector256Double(j.GetLower()) * Avx2.GatherVector256(w24, iz.GetLower(), 8);
                    var high = Avx.ConvertToVector256Double(j.GetUpper()) * Avx2.GatherVector256(w24, iz.GetUpper(), 8);
                    Avx.ConvertToVector128Single(low).Store(d + row);
                    Avx.ConvertToVector128Single(high).Store(d + row + 4);
                    state += unchecked(4 * Gamma);
                    Product(d + row);
                    continue;
                }
                else
                {
                    var stream = new NormalStream(state);
                    var s = dest.Slice(row, Pairs.Width);
                    for (int q = 0; q < 8; q += 2) stream.NextNormalPair(out s[q], out s[q + 1]);
                    state = stream.State;
                }
                Product(d + row);
            }
        }
    }
}

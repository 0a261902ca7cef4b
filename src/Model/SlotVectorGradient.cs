using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace StrassenRepro.Model;

/// <summary>
/// The cpu engine's gradient for any shape and slot count: the loss gradient of one run on one batch, with Vector&lt;float&gt;
/// lanes over slots (and over outputs for c = W h). Every lane does the scalar loop's float operations in its order
/// (each sum left to right from 0), so the numbers are those of the one-slot-at-a-time loop that StepKernels' general
/// kernel repeats on the GPU (ShapeTests checks the two bit for bit). Slots and outputs are padded to whole vectors
/// with zeros that the copy-back drops. One instance per thread: it owns its scratch.
/// </summary>
internal sealed class SlotVectorGradient
{
    private readonly PairLayout _layout;
    private readonly int _slots;
    private readonly int _slotStride;
    private readonly int _outputStride;
    private readonly float[] _p;
    private readonly float[] _g;
    private readonly float[] _wt;
    private readonly float[] _ua;
    private readonly float[] _vb;
    private readonly float[] _h;
    private readonly float[] _sums;
    private readonly float[] _d;

    public SlotVectorGradient(PairLayout layout, int slots)
    {
        _layout = layout;
        _slots = slots;
        _slotStride = RoundUp(slots);
        _outputStride = RoundUp(layout.C);
        _p = new float[layout.ParameterRows * _slotStride];
        _g = new float[_p.Length];
        _wt = new float[slots * _outputStride];
        _ua = new float[_slotStride];
        _vb = new float[_slotStride];
        _h = new float[_slotStride];
        _sums = new float[_outputStride];
        _d = new float[layout.C];
    }

    private static int RoundUp(int n) => (n + Vector<float>.Count - 1) / Vector<float>.Count * Vector<float>.Count;

    /// <summary>
    /// Gradient of mean((c - t)^2) over rows x n p outputs into g (the engine's rows U[:, x], V[:, y], W[z, :] of R
    /// floats each); returns the sum of squared residuals.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double Compute(ReadOnlySpan<float> parameters, float[] batch, int rows, Span<float> g)
    {
        int r = _slots, rp = _slotStride, cp = _outputStride, n = Vector<float>.Count;
        int a = _layout.A, b = _layout.B, c = _layout.C, width = _layout.Width, w0 = a + b;
        for (int row = 0; row < _layout.ParameterRows; row++) parameters.Slice(row * r, r).CopyTo(_p.AsSpan(row * rp));
        for (int z = 0; z < c; z++)
            for (int k = 0; k < r; k++) _wt[k * cp + z] = parameters[(w0 + z) * r + k];
        Array.Clear(_g);
        ref float p = ref MemoryMarshal.GetArrayDataReference(_p);
        ref float gr = ref MemoryMarshal.GetArrayDataReference(_g);
        ref float wt = ref MemoryMarshal.GetArrayDataReference(_wt);
        ref float ua = ref MemoryMarshal.GetArrayDataReference(_ua);
        ref float vb = ref MemoryMarshal.GetArrayDataReference(_vb);
        ref float h = ref MemoryMarshal.GetArrayDataReference(_h);
        ref float sums = ref MemoryMarshal.GetArrayDataReference(_sums);
        float scale = 2f / ((float)c * rows);
        double lossSum = 0;
        for (int i = 0; i < rows; i++)
        {
            var s = batch.AsSpan(i * width, width);
            for (int k = 0; k < rp; k += n)
            {
                var u = Load(ref p, k) * s[0];
                for (int x = 1; x < a; x++) u += Load(ref p, x * rp + k) * s[x];
                var v = Load(ref p, a * rp + k) * s[a];
                for (int y = 1; y < b; y++) v += Load(ref p, (a + y) * rp + k) * s[a + y];
                u.StoreUnsafe(ref ua, (nuint)k);
                v.StoreUnsafe(ref vb, (nuint)k);
                (u * v).StoreUnsafe(ref h, (nuint)k);
            }
            for (int z = 0; z < cp; z += n)
            {
                var sum = Vector<float>.Zero;
                for (int k = 0; k < r; k++) sum += Load(ref wt, k * cp + z) * _h[k];
                sum.StoreUnsafe(ref sums, (nuint)z);
            }
            for (int z = 0; z < c; z++)
            {
                float e = _sums[z] - s[w0 + z];
                lossSum += (double)e * e;
                _d[z] = e * scale;
            }
            for (int k = 0; k < rp; k += n)
            {
                var hk = Load(ref h, k);
                var dh = Vector<float>.Zero;
                for (int z = 0; z < c; z++)
                {
                    float dz = _d[z];
                    int at = (w0 + z) * rp + k;
                    (Load(ref gr, at) + hk * dz).StoreUnsafe(ref gr, (nuint)at);
                    dh += Load(ref p, at) * dz;
                }
                var dua = dh * Load(ref vb, k);
                var dvb = dh * Load(ref ua, k);
                for (int x = 0; x < a; x++) (Load(ref gr, x * rp + k) + dua * s[x]).StoreUnsafe(ref gr, (nuint)(x * rp + k));
                for (int y = 0; y < b; y++)
                {
                    int at = (a + y) * rp + k;
                    (Load(ref gr, at) + dvb * s[a + y]).StoreUnsafe(ref gr, (nuint)at);
                }
            }
        }
        for (int row = 0; row < _layout.ParameterRows; row++) _g.AsSpan(row * rp, r).CopyTo(g.Slice(row * r));
        return lossSum;
    }

    private static Vector<float> Load(ref float start, int offset) => Vector.LoadUnsafe(ref start, (nuint)offset);
}

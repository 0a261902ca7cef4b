using StrassenRepro.Crystallization;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// A 2x2 scheme as the upstream scripts hold it: float32 tensors U (R x 4), V (R x 4), W (4 x R), here one flat vector
/// in the model's parameter order (U, V, W, each row-major), applied as c = ((a U^T) * (b V^T)) W^T
/// (train_strassen.py:40-48) with every operation in float32. The scripts judge schemes in float32 against torch.bmm(A,
/// B), itself float32, so their thresholds (1e-5) sit a few ulps above rounding.
/// </summary>
public sealed class Float32Scheme
{
    public int Rank { get; }

    /// <summary>U, V, W flattened; a fine-tune updates it in place and the scheme follows.</summary>
    public float[] Weights { get; }

    private readonly float[] _left, _right;

    public Float32Scheme(Scheme s) : this(s.Rank, Flatten(s)) { }

    /// <summary>A scheme over the given vector (not copied) of 12 R weights.</summary>
    public Float32Scheme(int rank, float[] weights)
    {
        if (weights.Length != 12 * rank) throw new ArgumentException($"{weights.Length} weights are not 12 x {rank}");
        Rank = rank;
        Weights = weights;
        _left = new float[rank];
        _right = new float[rank];
    }

    public int VOffset => 4 * Rank;
    public int WOffset => 8 * Rank;

    public Scheme ToScheme() =>
        new(Shape.Square2, Rank, Weights.AsSpan(0, VOffset).ToArray().Select(x => (double)x).ToArray(),
        Weights.AsSpan(VOffset, VOffset).ToArray().Select(x => (double)x).ToArray(),
        Weights.AsSpan(WOffset).ToArray().Select(x => (double)x).ToArray());

    /// <summary>c = W((U a) * (V b)) in float32; a, b, c row-major 2x2. Leaves U a and V b in Left and Right.</summary>
    public void Apply(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c)
    {
        for (int r = 0; r < Rank; r++)
        {
            float l = 0, q = 0;
            for (int x = 0; x < 4; x++)
            {
                l += a[x] * Weights[r * 4 + x];
                q += b[x] * Weights[VOffset + r * 4 + x];
            }
            _left[r] = l;
            _right[r] = q;
        }
        for (int z = 0; z < 4; z++)
        {
            float sum = 0;
            for (int r = 0; r < Rank; r++) sum += _left[r] * _right[r] * Weights[WOffset + z * Rank + r];
            c[z] = sum;
        }
    }

    /// <summary>U a of the last Apply.</summary>
    public ReadOnlySpan<float> Left => _left;

    /// <summary>V b of the last Apply.</summary>
    public ReadOnlySpan<float> Right => _right;

    /// <summary>torch.bmm(A, B) for one 2x2 pair, in float32.</summary>
    public static void Product(ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c)
    {
        c[0] = a[0] * b[0] + a[1] * b[2];
        c[1] = a[0] * b[1] + a[1] * b[3];
        c[2] = a[2] * b[0] + a[3] * b[2];
        c[3] = a[2] * b[1] + a[3] * b[3];
    }

    private static float[] Flatten(Scheme s)
    {
        if (s.Shape != Shape.Square2) throw new ArgumentException($"the upstream scripts multiply 2x2 matrices, not "
            + $"{s.Shape}");
        return s.Coefficients().Select(x => (float)x).ToArray();
    }
}

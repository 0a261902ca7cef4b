using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Model;

/// <summary>
/// Training pairs as rows (PairLayout): for &lt;2,2,2&gt; 12 floats, a (4, row-major A), b (4, row-major B), t (4,
/// row-major A B). A and B have N(0,1) entries (the public code's generate_batch; float32 normals from
/// NormalStream.NextNormalPair, a's entries first, then b's); t is computed in double and rounded once.
/// </summary>
public static class Pairs
{
    public const int Width = 12;

    /// <summary>
    /// Fills dest (count rows) from one key's normal stream. vectorised: VectorPairs where AVX2 is there, else the
    /// scalar loop; the same numbers either way (false lets `bench train-throughput` time the scalar loop).
    /// </summary>
    public static void Draw(Span<float> dest, ulong key, bool vectorised = true)
    {
        if (vectorised && VectorPairs.IsSupported) VectorPairs.Draw(dest, key);
        else DrawScalar(dest, key);
    }

    /// <summary>Draw, one normal at a time (NormalStream.NextNormalPair).</summary>
    public static void DrawScalar(Span<float> dest, ulong key)
    {
        var stream = new NormalStream(key);
        for (int row = 0; row + Width <= dest.Length; row += Width)
        {
            var s = dest.Slice(row, Width);
            for (int j = 0; j < 8; j += 2) stream.NextNormalPair(out s[j], out s[j + 1]);
            SetProduct(s);
        }
    }

    /// <summary>
    /// Rows of any shape: ceil((n m + m p) / 2) normal pairs fill a then b (an odd count drops the last pair's second
    /// normal), then t = A B. For &lt;2,2,2&gt; this is Draw.
    /// </summary>
    public static void Draw(Span<float> dest, ulong key, PairLayout layout, bool vectorised = true)
    {
        if (layout == PairLayout.Square2)
        {
            Draw(dest, key, vectorised);
            return;
        }
        var stream = new NormalStream(key);
        int width = layout.Width, inputs = layout.A + layout.B;
        for (int row = 0; row + width <= dest.Length; row += width)
        {
            var s = dest.Slice(row, width);
            for (int j = 0; j < inputs; j += 2)
            {
                stream.NextNormalPair(out float first, out float second);
                s[j] = first;
                if (j + 1 < inputs) s[j + 1] = second;
            }
            SetProduct(s, layout.Shape);
        }
    }

    /// <summary>t[i, k] = sum_j A[i, j] B[j, k] in double (j in order), rounded once.</summary>
    public static void SetProduct(Span<float> s, Shape shape)
    {
        int t = shape.ASize + shape.BSize;
        for (int i = 0; i < shape.N; i++)
            for (int k = 0; k < shape.P; k++)
            {
                double sum = (double)s[shape.AIndex(i, 0)] * s[shape.ASize + shape.BIndex(0, k)];
                for (int j = 1; j < shape.M; j++) sum += (double)s[shape.AIndex(i, j)] * s[shape.ASize + shape.BIndex(j, k)];
                s[t + shape.CIndex(i, k)] = (float)sum;
            }
    }

    /// <summary>t = A B for 2x2 matrices, row-major.</summary>
    public static void SetProduct(Span<float> s)
    {
        double a0 = s[0], a1 = s[1], a2 = s[2], a3 = s[3], b0 = s[4], b1 = s[5], b2 = s[6], b3 = s[7];
        s[8] = (float)(a0 * b0 + a1 * b2);
        s[9] = (float)(a0 * b1 + a1 * b3);
        s[10] = (float)(a2 * b0 + a3 * b2);
        s[11] = (float)(a2 * b1 + a3 * b3);
    }
}

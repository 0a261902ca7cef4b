using StrassenRepro.Crystallization;
using StrassenRepro.Crystallization.RandomStreams;

namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// The zero-shot expansion of experiments/verify_checkpoints.py (strassen_expand and verify_expansion, :89-149): an n x
/// n product where the checkpoint's coefficients are used only at n = 2, and Strassen's own formulas, hard-coded, at
/// every level above; float32; one N(0,1) pair per size; max |C_pred - C_true| and that over max |C_true| against the
/// float32 product A @ B. On a learned scheme that is not Strassen's this tests the hard-coded formulas, not it.
/// </summary>
public static class HardCodedExpansion
{
    /// <summary>verify_checkpoints.py:126.</summary>
    public static readonly IReadOnlyList<int> Sizes = [2, 4, 8, 16, 32, 64];

    public const double PassBelow = 1e-4;

    public static ExpansionRow Row(Float32Scheme learned, int n, GaussianSource rng)
    {
        var a = new float[n * n];
        var b = new float[n * n];
        for (int i = 0; i < a.Length; i++) a[i] = (float)rng.NextGaussian();
        for (int i = 0; i < b.Length; i++) b[i] = (float)rng.NextGaussian();
        var predicted = Multiply(a, b, n, learned);
        var truth = Naive(a, b, n);
        double error = 0, scale = 0;
        for (int i = 0; i < truth.Length; i++)
        {
            error = Math.Max(error, Math.Abs(predicted[i] - truth[i]));
            scale = Math.Max(scale, Math.Abs(truth[i]));
        }
        return new ExpansionRow(n, error, error / (scale + 1e-10));
    }

    /// <summary>strassen_expand: the learned scheme at 2 x 2, Strassen's M1..M7 and C blocks above (:92-123).</summary>
    public static float[] Multiply(float[] a, float[] b, int n, Float32Scheme learned)
    {
        if (n == 2)
        {
            var c = new float[4];
            learned.Apply(a, b, c);
            return c;
        }
        int h = n / 2;
        float[] A(int i, int j) => Block(a, n, i, j);
        float[] B(int i, int j) => Block(b, n, i, j);
        var m1 = Multiply(Add(A(0, 0), A(1, 1), 1), Add(B(0, 0), B(1, 1), 1), h, learned);
        var m2 = Multiply(Add(A(1, 0), A(1, 1), 1), B(0, 0), h, learned);
        var m3 = Multiply(A(0, 0), Add(B(0, 1), B(1, 1), -1), h, learned);
        var m4 = Multiply(A(1, 1), Add(B(1, 0), B(0, 0), -1), h, learned);
        var m5 = Multiply(Add(A(0, 0), A(0, 1), 1), B(1, 1), h, learned);
        var m6 = Multiply(Add(A(1, 0), A(0, 0), -1), Add(B(0, 0), B(0, 1), 1), h, learned);
        var m7 = Multiply(Add(A(0, 1), A(1, 1), -1), Add(B(1, 0), B(1, 1), 1), h, learned);
        var result = new float[n * n];
        Place(result, n, 0, 0, Add(Add(Add(m1, m4, 1), m5, -1), m7, 1));
        Place(result, n, 0, 1, Add(m3, m5, 1));
        Place(result, n, 1, 0, Add(m2, m4, 1));
        Place(result, n, 1, 1, Add(Add(Add(m1, m2, -1), m3, 1), m6, 1));
        return result;
    }

    /// <summary>The float32 product A @ B (the script's C_true).</summary>
    public static float[] Naive(float[] a, float[] b, int n)
    {
        var c = new float[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                float s = 0;
                for (int k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j];
                c[i * n + j] = s;
            }
        return c;
    }

    private static float[] Block(float[] m, int n, int i, int j)
    {
        int h = n / 2;
        var block = new float[h * h];
        for (int r = 0; r < h; r++)
            for (int c = 0; c < h; c++) block[r * h + c] = m[(i * h + r) * n + j * h + c];
        return block;
    }

    private static void Place(float[] m, int n, int i, int j, float[] block)
    {
        int h = n / 2;
        for (int r = 0; r < h; r++)
            for (int c = 0; c < h; c++) m[(i * h + r) * n + j * h + c] = block[r * h + c];
    }

    private static float[] Add(float[] x, float[] y, float sign)
    {
        var z = new float[x.Length];
        for (int i = 0; i < z.Length; i++) z[i] = x[i] + sign * y[i];
        return z;
    }
}

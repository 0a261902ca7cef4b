namespace StrassenRepro.Reproduction.Upstream;

/// <summary>
/// Backward pass of a float32 scheme on one pair, as autograd computes it for the scripts' losses: adds the gradient of
/// (scale / 2) sum_z (c_z - t_z)^2 with respect to U, V, W (the scheme's flat order) to g. scale = 2 is the summed
/// squared error of run_all_experiments.py:149; scale = 2 / (4 B) one pair's share of a batch mean (validate2.py:482).
/// </summary>
public static class Float32Gradient
{
    public static void Accumulate(Float32Scheme s, ReadOnlySpan<float> a, ReadOnlySpan<float> b, float scale,
        Span<float> g)
    {
        Span<float> c = stackalloc float[4], t = stackalloc float[4];
        s.Apply(a, b, c);
        Float32Scheme.Product(a, b, t);
        for (int z = 0; z < 4; z++) c[z] = scale * (c[z] - t[z]);
        var left = s.Left;
        var right = s.Right;
        var w = s.Weights;
        int rank = s.Rank;
        for (int r = 0; r < rank; r++)
        {
            float gp = 0;
            for (int z = 0; z < 4; z++)
            {
                g[s.WOffset + z * rank + r] += c[z] * left[r] * right[r];
                gp += w[s.WOffset + z * rank + r] * c[z];
            }
            for (int x = 0; x < 4; x++)
            {
                g[r * 4 + x] += gp * right[r] * a[x];
                g[s.VOffset + r * 4 + x] += gp * left[r] * b[x];
            }
        }
    }
}

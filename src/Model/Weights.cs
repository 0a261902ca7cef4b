using StrassenRepro.Crystallization;

namespace StrassenRepro.Model;

/// <summary>
/// One run's float32 parameters read out of a population snapshot ([3, P, R, 4]: U, V, Wt), and the model computed
/// in double from them: the loss on a set of pairs, and the hand-off Scheme (U R x 4, V R x 4, W 4 x R, row-major).
/// </summary>
public sealed class Weights
{
    public int Slots { get; }
    /// <summary>U[r*4 + x], V[r*4 + y], W[z*R + r] (our Scheme convention), as doubles of the float32 values.</summary>
    public double[] U { get; }
    public double[] V { get; }
    public double[] W { get; }

    public Weights(int slots, double[] u, double[] v, double[] w)
    {
        Slots = slots;
        U = u;
        V = v;
        W = w;
    }

    public static Weights FromSnapshot(float[] snapshot, int run, int slots)
    {
        int block = slots * 4;
        int stride = snapshot.Length / 3;   // P * R * 4
        int at = run * block;
        var u = new double[block];
        var v = new double[block];
        var w = new double[block];
        for (int i = 0; i < block; i++)
        {
            u[i] = snapshot[at + i];
            v[i] = snapshot[stride + at + i];
        }
        for (int r = 0; r < slots; r++)
            for (int z = 0; z < 4; z++)
                w[z * slots + r] = snapshot[2 * stride + at + r * 4 + z];
        return new Weights(slots, u, v, w);
    }

    /// <summary>False when training diverged (a NaN or infinity in any coefficient): such weights are no Scheme.</summary>
    public bool IsFinite => U.All(double.IsFinite) && V.All(double.IsFinite) && W.All(double.IsFinite);

    public Scheme ToScheme() => new(Shape.Square2, Slots, U, V, W);

    /// <summary>||U_r|| ||V_r|| ||W_:,r|| per slot (NaN for a diverged slot), without building a Scheme.</summary>
    public double[] SlotImportance()
    {
        var importance = new double[Slots];
        for (int r = 0; r < Slots; r++)
        {
            double u = 0, v = 0, w = 0;
            for (int x = 0; x < 4; x++)
            {
                u += U[r * 4 + x] * U[r * 4 + x];
                v += V[r * 4 + x] * V[r * 4 + x];
                w += W[x * Slots + r] * W[x * Slots + r];
            }
            importance[r] = Math.Sqrt(u) * Math.Sqrt(v) * Math.Sqrt(w);
        }
        return importance;
    }

    /// <summary>mean over pairs and the 4 outputs of (c - t)^2, in double.</summary>
    public double Loss(ReadOnlySpan<float> pairs)
    {
        int rows = pairs.Length / Pairs.Width;
        double sum = 0;
        Span<double> h = stackalloc double[Slots];
        for (int i = 0; i < rows; i++)
        {
            var s = pairs.Slice(i * Pairs.Width, Pairs.Width);
            Hidden(s, h);
            for (int z = 0; z < 4; z++)
            {
                double c = 0;
                for (int r = 0; r < Slots; r++) c += W[z * Slots + r] * h[r];
                double d = c - s[8 + z];
                sum += d * d;
            }
        }
        return rows == 0 ? 0 : sum / (rows * 4.0);
    }

    /// <summary>h_r = (U_r . a)(V_r . b).</summary>
    public void Hidden(ReadOnlySpan<float> s, Span<double> h)
    {
        for (int r = 0; r < Slots; r++)
        {
            double ua = 0, vb = 0;
            for (int x = 0; x < 4; x++)
            {
                ua += U[r * 4 + x] * s[x];
                vb += V[r * 4 + x] * s[4 + x];
            }
            h[r] = ua * vb;
        }
    }

    /// <summary>
    /// Gradient of one pair's loss l = (1/4) sum_z (c_z - t_z)^2 with respect to (U, V, W) flattened in that order
    /// (U row-major R x 4, V row-major R x 4, W row-major 4 x R): 12 R numbers, 96 for 8 slots.
    /// </summary>
    public void SampleGradient(ReadOnlySpan<float> s, Span<double> g)
    {
        int rs = Slots;
        Span<double> ua = stackalloc double[rs];
        Span<double> vb = stackalloc double[rs];
        Span<double> dc = stackalloc double[4];
        for (int r = 0; r < rs; r++)
        {
            double su = 0, sv = 0;
            for (int x = 0; x < 4; x++)
            {
                su += U[r * 4 + x] * s[x];
                sv += V[r * 4 + x] * s[4 + x];
            }
            ua[r] = su;
            vb[r] = sv;
        }
        for (int z = 0; z < 4; z++)
        {
            double c = 0;
            for (int r = 0; r < rs; r++) c += W[z * rs + r] * ua[r] * vb[r];
            dc[z] = (c - s[8 + z]) / 2.0;
        }
        for (int r = 0; r < rs; r++)
        {
            double dh = 0;
            for (int z = 0; z < 4; z++)
            {
                dh += dc[z] * W[z * rs + r];
                g[8 * rs + z * rs + r] = dc[z] * ua[r] * vb[r];
            }
            for (int x = 0; x < 4; x++)
            {
                g[r * 4 + x] = dh * vb[r] * s[x];
                g[4 * rs + r * 4 + x] = dh * ua[r] * s[4 + x];
            }
        }
    }
}

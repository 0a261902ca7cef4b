using StrassenRepro.Crystallization;

namespace StrassenRepro.Model;

/// <summary>
/// One run's float32 parameters read out of a population snapshot (SnapshotLayout: U, V, Wt), and the model computed
/// in double from them: the loss on a set of pairs, per-pair gradients, and the hand-off Scheme (U R x nm, V R x mp,
/// W np x R, row-major).
/// </summary>
public sealed class Weights
{
    public Shape Shape { get; }
    public int Slots { get; }
    /// <summary>U[r nm + x], V[r mp + y], W[z R + r] (our Scheme convention), as doubles of the float32 values.</summary>
    public double[] U { get; }
    public double[] V { get; }
    public double[] W { get; }

    public Weights(int slots, double[] u, double[] v, double[] w) : this(Shape.Square2, slots, u, v, w) { }

    public Weights(Shape shape, int slots, double[] u, double[] v, double[] w)
    {
        Shape = shape;
        Slots = slots;
        U = u;
        V = v;
        W = w;
    }

    /// <summary>Run i's weights from a &lt;2,2,2&gt; snapshot.</summary>
    public static Weights FromSnapshot(float[] snapshot, int run, int slots) => FromSnapshot(snapshot, run, slots, Shape.Square2);

    public static Weights FromSnapshot(float[] snapshot, int run, int slots, Shape shape)
    {
        var at = SnapshotLayout.Of(snapshot.Length, slots, shape);
        int a = shape.ASize, b = shape.BSize, c = shape.CSize;
        var u = new double[slots * a];
        var v = new double[slots * b];
        var w = new double[slots * c];
        for (int i = 0; i < u.Length; i++) u[i] = snapshot[at.U(run) + i];
        for (int i = 0; i < v.Length; i++) v[i] = snapshot[at.V(run) + i];
        for (int r = 0; r < slots; r++)
            for (int z = 0; z < c; z++)
                w[z * slots + r] = snapshot[at.Wt(run) + r * c + z];
        return new Weights(shape, slots, u, v, w);
    }

    /// <summary>False when training diverged (a NaN or infinity in any coefficient): such weights are no Scheme.</summary>
    public bool IsFinite => U.All(double.IsFinite) && V.All(double.IsFinite) && W.All(double.IsFinite);

    public Scheme ToScheme() => new(Shape, Slots, U, V, W);

    /// <summary>Parameters in all: R (nm + mp + np), 96 for &lt;2,2,2;8&gt;.</summary>
    public int Dimension => Slots * (Shape.ASize + Shape.BSize + Shape.CSize);

    /// <summary>||U_r|| ||V_r|| ||W_:,r|| per slot (NaN for a diverged slot), without building a Scheme.</summary>
    public double[] SlotImportance()
    {
        int a = Shape.ASize, b = Shape.BSize, c = Shape.CSize;
        var importance = new double[Slots];
        for (int r = 0; r < Slots; r++)
        {
            double u = 0, v = 0, w = 0;
            for (int x = 0; x < a; x++) u += U[r * a + x] * U[r * a + x];
            for (int y = 0; y < b; y++) v += V[r * b + y] * V[r * b + y];
            for (int z = 0; z < c; z++) w += W[z * Slots + r] * W[z * Slots + r];
            importance[r] = Math.Sqrt(u) * Math.Sqrt(v) * Math.Sqrt(w);
        }
        return importance;
    }

    /// <summary>Mean over pairs and the n p outputs of (c - t)^2, in double.</summary>
    public double Loss(ReadOnlySpan<float> pairs)
    {
        var layout = new PairLayout(Shape);
        int rows = pairs.Length / layout.Width, outputs = layout.C;
        double sum = 0;
        Span<double> h = stackalloc double[Slots];
        for (int i = 0; i < rows; i++)
        {
            var s = pairs.Slice(i * layout.Width, layout.Width);
            Hidden(s, h);
            for (int z = 0; z < outputs; z++)
            {
                double c = 0;
                for (int r = 0; r < Slots; r++) c += W[z * Slots + r] * h[r];
                double d = c - s[layout.TOffset + z];
                sum += d * d;
            }
        }
        return rows == 0 ? 0 : sum / (rows * (double)outputs);
    }

    /// <summary>h_r = (U_r . a)(V_r . b).</summary>
    public void Hidden(ReadOnlySpan<float> s, Span<double> h)
    {
        Span<double> ua = stackalloc double[Slots], vb = stackalloc double[Slots];
        Inputs(s, ua, vb);
        for (int r = 0; r < Slots; r++) h[r] = ua[r] * vb[r];
    }

    /// <summary>U_r . a and V_r . b for every slot.</summary>
    private void Inputs(ReadOnlySpan<float> s, Span<double> ua, Span<double> vb)
    {
        int a = Shape.ASize, b = Shape.BSize;
        for (int r = 0; r < Slots; r++)
        {
            double su = 0, sv = 0;
            for (int x = 0; x < a; x++) su += U[r * a + x] * s[x];
            for (int y = 0; y < b; y++) sv += V[r * b + y] * s[a + y];
            ua[r] = su;
            vb[r] = sv;
        }
    }

    /// <summary>
    /// Gradient of one pair's loss l = (1/np) sum_z (c_z - t_z)^2 with respect to (U, V, W) flattened in that order
    /// (U row-major R x nm, V row-major R x mp, W row-major np x R): Dimension numbers, 96 for &lt;2,2,2;8&gt;.
    /// </summary>
    public void SampleGradient(ReadOnlySpan<float> s, Span<double> g)
    {
        int rs = Slots, a = Shape.ASize, b = Shape.BSize, c = Shape.CSize;
        Span<double> ua = stackalloc double[rs];
        Span<double> vb = stackalloc double[rs];
        Span<double> dc = stackalloc double[c];
        Inputs(s, ua, vb);
        for (int z = 0; z < c; z++)
        {
            double sum = 0;
            for (int r = 0; r < rs; r++) sum += W[z * rs + r] * ua[r] * vb[r];
            dc[z] = (sum - s[a + b + z]) * 2.0 / c;
        }
        int wAt = rs * (a + b);
        for (int r = 0; r < rs; r++)
        {
            double dh = 0;
            for (int z = 0; z < c; z++)
            {
                dh += dc[z] * W[z * rs + r];
                g[wAt + z * rs + r] = dc[z] * ua[r] * vb[r];
            }
            for (int x = 0; x < a; x++) g[r * a + x] = dh * vb[r] * s[x];
            for (int y = 0; y < b; y++) g[rs * a + r * b + y] = dh * ua[r] * s[a + y];
        }
    }
}

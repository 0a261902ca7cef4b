namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// The diagonal part of the symmetry group: diagonal changes of basis P = diag(e^a), Q = diag(e^b),
/// R = diag(e^c) and slot scalings e^alpha_r, e^beta_r multiply each coefficient by a monomial,
/// U[r,(i,j)] by e^(a_i - b_j + alpha_r), V[r,(j,k)] by e^(b_j - c_k + beta_r) and W[(i,k),r] by
/// e^(c_k - a_i - alpha_r - beta_r). Once the frame is aligned an integer scheme differs from the input by
/// such a monomial in each coefficient, so the scalings that bring every nonzero |coefficient| closest to
/// 1 in the least-squares sense of log|c| are found by one linear least-squares solve. For a scheme whose
/// nonzero coefficients are all +-1 (Strassen's, Laderman's, the naive ones, their products) the system
/// is consistent and the balanced scheme is the integer one up to rounding error.
/// </summary>
public static class ScaleBalance
{
    /// <summary>
    /// A coefficient below this, relative to the largest entry of its slot's factor, is taken as a zero.
    /// </summary>
    public const double ZeroTolerance = 0.05;

    /// <summary>Damping of the log least squares: picks the least-norm scaling along the gauge directions.</summary>
    public const double Damping = 1e-12;

    public static Scheme Balance(Scheme s)
    {
        var shape = s.Shape;
        int n = shape.N, m = shape.M, p = shape.P, rank = s.Rank;
        int alpha = n + m + p, beta = alpha + rank, unknowns = beta + rank;
        var rows = new List<(int[] Columns, int[] Signs, double Log)>();
        for (int r = 0; r < rank; r++)
        {
            var u = s.URow(r);
            var v = s.VRow(r);
            var w = s.WColumn(r);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < m; j++)
                    Add(rows, u, i * m + j, [i, n + j, alpha + r], [1, -1, 1]);
            for (int j = 0; j < m; j++)
                for (int k = 0; k < p; k++)
                    Add(rows, v, j * p + k, [n + j, n + m + k, beta + r], [1, -1, 1]);
            for (int i = 0; i < n; i++)
                for (int k = 0; k < p; k++)
                    Add(rows, w, i * p + k, [n + m + k, i, alpha + r, beta + r], [1, -1, -1, -1]);
        }
        var a = new double[rows.Count, unknowns];
        var b = new double[rows.Count];
        for (int e = 0; e < rows.Count; e++)
        {
            for (int t = 0; t < rows[e].Columns.Length; t++) a[e, rows[e].Columns[t]] = rows[e].Signs[t];
            b[e] = -rows[e].Log;
        }
        // Positive definite for any damping > 0, so the solve cannot fail.
        var theta = DampedLeastSquares.Solve(a, b, Damping)!;
        var moved = SchemeSymmetry.ChangeBasis(s, Diagonal(theta, 0, n), Diagonal(theta, n, m),
            Diagonal(theta, n + m, p));
        for (int r = 0; r < rank; r++)
            moved = SchemeSymmetry.ScaleSlot(moved, r, Math.Exp(theta[alpha + r]), Math.Exp(theta[beta + r]));
        return moved;
    }

    private static void Add(List<(int[], int[], double)> rows, ReadOnlySpan<double> factor, int index, int[] columns,
        int[] signs)
    {
        double top = Math.Abs(SlotGauge.LargestEntry(factor));
        double x = Math.Abs(factor[index]);
        if (x <= ZeroTolerance * top) return;
        rows.Add((columns, signs, Math.Log(x)));
    }

    private static double[,] Diagonal(double[] theta, int offset, int size)
    {
        var d = new double[size, size];
        for (int i = 0; i < size; i++) d[i, i] = Math.Exp(theta[offset + i]);
        return d;
    }
}

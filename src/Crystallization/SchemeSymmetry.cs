namespace StrassenRepro.Crystallization;

/// <summary>
/// Transformations that map a valid scheme to a valid scheme: slot permutation, sign gauge,
/// the transpose symmetry (AB)^T = B^T A^T, and the change of basis A' = P A Q^-1, B' = Q B R^-1.
/// </summary>
public static class SchemeSymmetry
{
    public static Scheme PermuteSlots(Scheme s, IReadOnlyList<int> permutation)
    {
        if (permutation.Count != s.Rank || permutation.Distinct().Count() != s.Rank)
            throw new ArgumentException("not a permutation of the slots", nameof(permutation));
        return s.SelectSlots(permutation);
    }

    /// <summary>Negates two of U_r, V_r, W_:,r in slot r: which = 0 keeps U (negates V, W), 1 keeps V, 2 keeps W.</summary>
    public static Scheme SignGauge(Scheme s, int slot, int which)
    {
        var u = s.UFlat.ToArray();
        var v = s.VFlat.ToArray();
        var w = s.WFlat.ToArray();
        var shape = s.Shape;
        // Stryker disable once Assignment : equivalent, see mutation/equivalent-mutants.md
        if (which != 0) for (int x = 0; x < shape.ASize; x++) u[slot * shape.ASize + x] *= -1;
        // Stryker disable once Assignment : equivalent, see mutation/equivalent-mutants.md
        if (which != 1) for (int y = 0; y < shape.BSize; y++) v[slot * shape.BSize + y] *= -1;
        // Stryker disable once Assignment : equivalent, see mutation/equivalent-mutants.md
        if (which != 2) for (int z = 0; z < shape.CSize; z++) w[z * s.Rank + slot] *= -1;
        return new Scheme(shape, s.Rank, u, v, w);
    }

    /// <summary>Scales slot r: U_r by alpha, V_r by beta, W_:,r by 1 / (alpha beta).</summary>
    public static Scheme ScaleSlot(Scheme s, int slot, double alpha, double beta)
    {
        var u = s.UFlat.ToArray();
        var v = s.VFlat.ToArray();
        var w = s.WFlat.ToArray();
        var shape = s.Shape;
        for (int x = 0; x < shape.ASize; x++) u[slot * shape.ASize + x] *= alpha;
        for (int y = 0; y < shape.BSize; y++) v[slot * shape.BSize + y] *= beta;
        for (int z = 0; z < shape.CSize; z++) w[z * s.Rank + slot] /= alpha * beta;
        return new Scheme(shape, s.Rank, u, v, w);
    }

    /// <summary>From a scheme for &lt;n,m,p&gt; the scheme for &lt;p,m,n&gt; computing A B = (B^T A^T)^T.</summary>
    public static Scheme Transpose(Scheme s)
    {
        var o = s.Shape;
        var t = new Shape(o.P, o.M, o.N);
        int rank = s.Rank;
        var u = new double[rank * t.ASize];
        var v = new double[rank * t.BSize];
        var w = new double[t.CSize * rank];
        for (int r = 0; r < rank; r++)
        {
            for (int i = 0; i < t.N; i++)
                for (int j = 0; j < t.M; j++)
                    u[r * t.ASize + t.AIndex(i, j)] = s.V(r, o.BIndex(j, i));
            for (int j = 0; j < t.M; j++)
                for (int k = 0; k < t.P; k++)
                    v[r * t.BSize + t.BIndex(j, k)] = s.U(r, o.AIndex(k, j));
            for (int i = 0; i < t.N; i++)
                for (int k = 0; k < t.P; k++)
                    w[t.CIndex(i, k) * rank + r] = s.W(o.CIndex(k, i), r);
        }
        return new Scheme(t, rank, u, v, w);
    }

    /// <summary>
    /// The scheme S'(A, B) = P^-1 S(P A Q^-1, Q B R^-1) R^-1... written out: U' = U (P kron Q^-T),
    /// V' = V (Q kron R^-T), W' = (P^-1 kron R^T) W. P is n x n, Q is m x m, R is p x p (row-major
    /// arrays); for unimodular integer matrices an integer scheme stays integer.
    /// </summary>
    public static Scheme ChangeBasis(Scheme s, double[,] p, double[,] q, double[,] r)
    {
        var shape = s.Shape;
        var pInv = Inverse(p);
        var qInvT = Transpose(Inverse(q));
        var rInvT = Transpose(Inverse(r));
        var uMap = Kron(p, qInvT);
        var vMap = Kron(q, rInvT);
        var wMap = Kron(pInv, Transpose(r));
        int rank = s.Rank;
        var u = new double[rank * shape.ASize];
        var v = new double[rank * shape.BSize];
        var w = new double[shape.CSize * rank];
        for (int k = 0; k < rank; k++)
        {
            MulRow(s.URow(k), uMap, u.AsSpan(k * shape.ASize, shape.ASize));
            MulRow(s.VRow(k), vMap, v.AsSpan(k * shape.BSize, shape.BSize));
            var col = s.WColumn(k);
            for (int z = 0; z < shape.CSize; z++)
            {
                double sum = 0;
                for (int t = 0; t < shape.CSize; t++) sum += wMap[z, t] * col[t];
                w[z * rank + k] = sum;
            }
        }
        return new Scheme(shape, rank, u, v, w);
    }

    private static void MulRow(ReadOnlySpan<double> row, double[,] map, Span<double> result)
    {
        for (int j = 0; j < result.Length; j++)
        {
            double sum = 0;
            for (int i = 0; i < row.Length; i++) sum += row[i] * map[i, j];
            result[j] = sum;
        }
    }

    public static double[,] Kron(double[,] a, double[,] b)
    {
        int ar = a.GetLength(0), ac = a.GetLength(1), br = b.GetLength(0), bc = b.GetLength(1);
        var k = new double[ar * br, ac * bc];
        for (int i = 0; i < ar; i++)
            for (int j = 0; j < ac; j++)
                for (int x = 0; x < br; x++)
                    for (int y = 0; y < bc; y++)
                        k[i * br + x, j * bc + y] = a[i, j] * b[x, y];
        return k;
    }

    public static double[,] Transpose(double[,] a)
    {
        int n = a.GetLength(0), m = a.GetLength(1);
        var t = new double[m, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
                t[j, i] = a[i, j];
        return t;
    }

    /// <summary>
    /// Inverse of a square matrix: by the adjugate for 2x2 (exact for an integer matrix of determinant +-1),
    /// else Gauss-Jordan with partial pivoting; throws for a singular matrix.
    /// </summary>
    public static double[,] Inverse(double[,] a)
    {
        int n = a.GetLength(0);
        if (a.GetLength(1) != n) throw new ArgumentException("matrix is not square");
        if (n == 2)
        {
            double det = a[0, 0] * a[1, 1] - a[0, 1] * a[1, 0];
            if (det == 0 || !double.IsFinite(det)) throw new ArgumentException("matrix is singular");
            return new[,] { { a[1, 1] / det, -a[0, 1] / det }, { -a[1, 0] / det, a[0, 0] / det } };
        }
        var m = new double[n, 2 * n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) m[i, j] = a[i, j];
            m[i, n + i] = 1;
        }
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int i = c + 1; i < n; i++)
                if (Math.Abs(m[i, c]) > Math.Abs(m[pivot, c])) pivot = i;
            if (Math.Abs(m[pivot, c]) < 1e-300) throw new ArgumentException("matrix is singular");
            for (int j = 0; j < 2 * n; j++) (m[c, j], m[pivot, j]) = (m[pivot, j], m[c, j]);
            double d = m[c, c];
            for (int j = 0; j < 2 * n; j++) m[c, j] /= d;
            for (int i = 0; i < n; i++)
            {
                if (i == c || m[i, c] == 0) continue;
                double f = m[i, c];
                for (int j = 0; j < 2 * n; j++) m[i, j] -= f * m[c, j];
            }
        }
        var inv = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                inv[i, j] = m[i, n + j];
        return inv;
    }

    /// <summary>The Kronecker (tensor) product of two schemes: &lt;n1 n2, m1 m2, p1 p2; R1 R2&gt;.</summary>
    public static Scheme Kronecker(Scheme a, Scheme b)
    {
        var sa = a.Shape;
        var sb = b.Shape;
        var s = new Shape(sa.N * sb.N, sa.M * sb.M, sa.P * sb.P);
        int rank = a.Rank * b.Rank;
        var u = new double[rank * s.ASize];
        var v = new double[rank * s.BSize];
        var w = new double[s.CSize * rank];
        for (int r1 = 0; r1 < a.Rank; r1++)
            for (int r2 = 0; r2 < b.Rank; r2++)
            {
                int r = r1 * b.Rank + r2;
                for (int i1 = 0; i1 < sa.N; i1++) for (int j1 = 0; j1 < sa.M; j1++)
                    for (int i2 = 0; i2 < sb.N; i2++) for (int j2 = 0; j2 < sb.M; j2++)
                        u[r * s.ASize + s.AIndex(i1 * sb.N + i2, j1 * sb.M + j2)] = a.U(r1, sa.AIndex(i1, j1)) * b.U(r2, sb.AIndex(i2, j2));
                for (int j1 = 0; j1 < sa.M; j1++) for (int k1 = 0; k1 < sa.P; k1++)
                    for (int j2 = 0; j2 < sb.M; j2++) for (int k2 = 0; k2 < sb.P; k2++)
                        v[r * s.BSize + s.BIndex(j1 * sb.M + j2, k1 * sb.P + k2)] = a.V(r1, sa.BIndex(j1, k1)) * b.V(r2, sb.BIndex(j2, k2));
                for (int i1 = 0; i1 < sa.N; i1++) for (int k1 = 0; k1 < sa.P; k1++)
                    for (int i2 = 0; i2 < sb.N; i2++) for (int k2 = 0; k2 < sb.P; k2++)
                        w[s.CIndex(i1 * sb.N + i2, k1 * sb.P + k2) * rank + r] = a.W(sa.CIndex(i1, k1), r1) * b.W(sb.CIndex(i2, k2), r2);
            }
        return new Scheme(s, rank, u, v, w);
    }
}

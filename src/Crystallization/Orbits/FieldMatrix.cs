namespace StrassenRepro.Crystallization.Orbits;

/// <summary>
/// Exact linear algebra over Q (Fraction) or F2 (the same Fractions reduced to 0 and 1 after every operation):
/// products, inverses, ranks and null spaces by Gaussian elimination, never a float.
/// </summary>
public static class FieldMatrix
{
    /// <summary>x in the field: itself over Q, its integer's parity over F2 (schemes mod 2 are integral).</summary>
    public static Fraction Norm(Fraction x, Ring ring) =>
        ring == Ring.F2 ? (x.Numerator.IsEven ? Fraction.Zero : Fraction.One) : x;

    public static Fraction[,] Multiply(Fraction[,] a, Fraction[,] b, Ring ring)
    {
        int n = a.GetLength(0), k = a.GetLength(1), m = b.GetLength(1);
        var c = new Fraction[n, m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                var sum = Fraction.Zero;
                for (int t = 0; t < k; t++)
                    if (!a[i, t].IsZero && !b[t, j].IsZero) sum += a[i, t] * b[t, j];
                c[i, j] = Norm(sum, ring);
            }
        return c;
    }

    public static Fraction[,] Transpose(Fraction[,] a)
    {
        var t = new Fraction[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) t[j, i] = a[i, j];
        return t;
    }

    /// <summary>a + lambda b.</summary>
    public static Fraction[,] Combine(Fraction[,] a, Fraction lambda, Fraction[,] b, Ring ring)
    {
        var c = new Fraction[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) c[i, j] = Norm(a[i, j] + lambda * b[i, j], ring);
        return c;
    }

    public static Fraction[][] Rows(Fraction[,] a) =>
        Enumerable.Range(0, a.GetLength(0)).Select(i => Enumerable.Range(0, a.GetLength(1)).Select(j => a[i, j]).ToArray())
            .ToArray();

    /// <summary>The reduced row echelon form of the rows (copied), and its pivot columns.</summary>
    public static (List<Fraction[]> Rows, List<int> Pivots) Echelon(IEnumerable<Fraction[]> rows, int cols, Ring ring)
    {
        var m = rows.Select(r => r.Select(x => Norm(x, ring)).ToArray()).ToList();
        var pivots = new List<int>();
        int top = 0;
        for (int c = 0; c < cols && top < m.Count; c++)
        {
            int p = m.FindIndex(top, r => !r[c].IsZero);
            if (p < 0) continue;
            (m[top], m[p]) = (m[p], m[top]);
            var inv = Fraction.One / m[top][c];
            for (int j = 0; j < cols; j++) m[top][j] = Norm(m[top][j] * inv, ring);
            for (int i = 0; i < m.Count; i++)
            {
                if (i == top || m[i][c].IsZero) continue;
                var f = m[i][c];
                for (int j = 0; j < cols; j++) m[i][j] = Norm(m[i][j] - f * m[top][j], ring);
            }
            pivots.Add(c);
            top++;
        }
        return (m.Take(top).ToList(), pivots);
    }

    public static int Rank(Fraction[,] a, Ring ring) => Echelon(Rows(a), a.GetLength(1), ring).Pivots.Count;

    /// <summary>A basis of { x : row . x = 0 for every row }.</summary>
    public static List<Fraction[]> NullSpace(IEnumerable<Fraction[]> rows, int cols, Ring ring)
    {
        var (reduced, pivots) = Echelon(rows, cols, ring);
        var basis = new List<Fraction[]>();
        for (int free = 0; free < cols; free++)
        {
            if (pivots.Contains(free)) continue;
            var x = Enumerable.Repeat(Fraction.Zero, cols).ToArray();
            x[free] = Fraction.One;
            for (int i = 0; i < pivots.Count; i++) x[pivots[i]] = Norm(-reduced[i][free], ring);
            basis.Add(x);
        }
        return basis;
    }

    /// <summary>The inverse, or null for a singular matrix.</summary>
    public static Fraction[,]? Inverse(Fraction[,] a, Ring ring)
    {
        int n = a.GetLength(0);
        var augmented = Rows(a).Select((row, i) =>
            row.Concat(Enumerable.Range(0, n).Select(j => i == j ? Fraction.One : Fraction.Zero)).ToArray());
        var (reduced, pivots) = Echelon(augmented, 2 * n, ring);
        if (pivots.Count < n || pivots[n - 1] >= n) return null;
        var inv = new Fraction[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) inv[i, j] = reduced[i][n + j];
        return inv;
    }

    /// <summary>A basis of the column space (columns of a, as vectors).</summary>
    public static List<Fraction[]> ColumnSpace(Fraction[,] a, Ring ring) =>
        Echelon(Rows(Transpose(a)), a.GetLength(0), ring).Rows;

    /// <summary>A basis of the left null space { y : y^T a = 0 }.</summary>
    public static List<Fraction[]> LeftNullSpace(Fraction[,] a, Ring ring) =>
        NullSpace(Rows(Transpose(a)), a.GetLength(0), ring);
}

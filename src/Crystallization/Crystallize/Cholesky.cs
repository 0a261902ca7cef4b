namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// Dense Cholesky factorisation A = L L^T of a symmetric positive definite matrix (row-major, n x n) and
/// the solve of A x = b. The normal equations of the Brent system are formed explicitly (their structure
/// makes them cheap), so this is the one factorisation the crystallizer needs; no package is referenced.
/// </summary>
public static class Cholesky
{
    /// <summary>
    /// x with A x = b, or null when A is not (numerically) positive definite: a pivot that is not
    /// positive, or not finite, stops the factorisation. Only the lower triangle of A is read.
    /// </summary>
    public static double[]? Solve(double[] a, int n, ReadOnlySpan<double> b)
    {
        if (a.Length != n * n || b.Length != n)
            throw new ArgumentException($"A has {a.Length} entries and b {b.Length}, expected {n * n} and {n}");
        var l = Factor(a, n);
        if (l is null) return null;
        var x = b.ToArray();
        // L y = b (forward), then L^T x = y (backward); the rows of L are contiguous.
        for (int i = 0; i < n; i++)
        {
            double s = x[i];
            for (int k = 0; k < i; k++) s -= l[i * n + k] * x[k];
            x[i] = s / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--)
        {
            double s = x[i];
            for (int k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
            x[i] = s / l[i * n + i];
        }
        return x;
    }

    /// <summary>The lower triangular factor L (row-major, upper triangle zero), or null as for Solve.</summary>
    public static double[]? Factor(double[] a, int n)
    {
        var l = new double[n * n];
        for (int j = 0; j < n; j++)
        {
            // Row-oriented (Cholesky-Crout): both inner products run over contiguous rows of L.
            var rowJ = l.AsSpan(j * n, j);
            double d = a[j * n + j] - Dot(rowJ, rowJ);
            // Written so that NaN also fails: !(d > 0) is true for d <= 0 and for NaN.
            if (!(d > 0) || !double.IsFinite(d)) return null;
            double pivot = Math.Sqrt(d);
            l[j * n + j] = pivot;
            for (int i = j + 1; i < n; i++)
                l[i * n + j] = (a[i * n + j] - Dot(l.AsSpan(i * n, j), rowJ)) / pivot;
        }
        return l;
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        double s = 0;
        for (int k = 0; k < x.Length; k++) s += x[k] * y[k];
        return s;
    }
}

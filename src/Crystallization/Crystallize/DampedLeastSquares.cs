namespace StrassenRepro.Crystallization.Crystallize;

/// <summary>
/// min ||A x - b||^2 + damping ||x||^2 for a dense A (rows x columns), by the normal equations
/// (A^T A + damping I) x = A^T b and Cholesky. The damping makes the system positive definite when A
/// has a null space (a gauge), and then picks the solution of least norm in the limit.
/// </summary>
public static class DampedLeastSquares
{
    /// <summary>The minimiser, or null when even the damped normal matrix is not positive definite.</summary>
    public static double[]? Solve(double[,] a, ReadOnlySpan<double> b, double damping)
    {
        int rows = a.GetLength(0), cols = a.GetLength(1);
        if (b.Length != rows) throw new ArgumentException($"b has {b.Length} entries, A has {rows} rows", nameof(b));
        if (!(damping >= 0)) throw new ArgumentOutOfRangeException(nameof(damping), "damping is not negative");
        var normal = new double[cols * cols];
        var rhs = new double[cols];
        for (int i = 0; i < cols; i++)
        {
            for (int j = 0; j <= i; j++)
            {
                double s = 0;
                for (int k = 0; k < rows; k++) s += a[k, i] * a[k, j];
                normal[i * cols + j] = s;
                normal[j * cols + i] = s;
            }
            normal[i * cols + i] += damping;
            double t = 0;
            for (int k = 0; k < rows; k++) t += a[k, i] * b[k];
            rhs[i] = t;
        }
        return Cholesky.Solve(normal, cols, rhs);
    }
}

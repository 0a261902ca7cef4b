namespace StrassenRepro.Crystallization.Readers;

/// <summary>
/// AlphaTensor's factorization layout for square shapes: an array (3, d, R) with u = [0] (n*m x R),
/// v = [1] (m*p x R), w = [2] (p*n x R), where w indexes C transposed: w row k*n + i is C[i,k].
/// </summary>
public static class AlphaTensorLayout
{
    public static bool Matches(NpyArray a) => a.Rank == 3 && a.Shape[0] == 3 && IsSquareSide(a.Shape[1], out _);

    public static Scheme ToScheme(NpyArray a, string name)
    {
        if (a.Rank != 3 || a.Shape[0] != 3)
            throw new SchemeFormatException($"{name}: expected an AlphaTensor factorization of shape (3, d, R), got ({string.Join(", ", a.Shape)})");
        int d = a.Shape[1], rank = a.Shape[2];
        if (!IsSquareSide(d, out int n))
            throw new SchemeFormatException($"{name}: d = {d} is not a square, so this is not a square-shape factorization");
        var shape = Shape.Validated(n, n, n);
        var u = new double[rank * d];
        var v = new double[rank * d];
        var w = new double[d * rank];
        for (int r = 0; r < rank; r++)
            for (int x = 0; x < d; x++)
            {
                u[r * d + x] = a[0, x, r];
                v[r * d + x] = a[1, x, r];
            }
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
                for (int r = 0; r < rank; r++)
                    w[shape.CIndex(i, k) * rank + r] = a[2, k * n + i, r];
        return new Scheme(shape, rank, u, v, w);
    }

    /// <summary>The inverse: our scheme as an AlphaTensor (3, d, R) array, C order.</summary>
    public static double[] FromScheme(Scheme s)
    {
        if (!s.Shape.IsSquare) throw new ArgumentException("AlphaTensor's plain layout is for square shapes");
        int n = s.Shape.N, d = n * n, rank = s.Rank;
        var data = new double[3 * d * rank];
        for (int r = 0; r < rank; r++)
            for (int x = 0; x < d; x++)
            {
                data[(0 * d + x) * rank + r] = s.U(r, x);
                data[(1 * d + x) * rank + r] = s.V(r, x);
            }
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
                for (int r = 0; r < rank; r++)
                    data[(2 * d + k * n + i) * rank + r] = s.W(s.Shape.CIndex(i, k), r);
        return data;
    }

    private static bool IsSquareSide(int d, out int n)
    {
        n = (int)Math.Round(Math.Sqrt(d));
        return n >= 1 && n * n == d;
    }
}
